/** The Hypervisor driver interface, process launching and host acceleration probing. */
@NullMarked
package dev.mvirt.vmm.hypervisor;

import org.jspecify.annotations.NullMarked;
