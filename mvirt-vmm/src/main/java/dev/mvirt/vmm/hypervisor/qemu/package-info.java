/** QEMU driver: argv builder, QMP client over a unix socket. */
@NullMarked
package dev.mvirt.vmm.hypervisor.qemu;

import org.jspecify.annotations.NullMarked;
