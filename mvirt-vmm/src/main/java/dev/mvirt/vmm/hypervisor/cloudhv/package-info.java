/** cloud-hypervisor driver: its REST API over the --api-socket unix socket. */
@NullMarked
package dev.mvirt.vmm.hypervisor.cloudhv;

import org.jspecify.annotations.NullMarked;
