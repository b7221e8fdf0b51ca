/** An in-process fake hypervisor for unit tests, end-to-end runs without QEMU, and simulated hosts. */
@NullMarked
package dev.mvirt.vmm.hypervisor.fake;

import org.jspecify.annotations.NullMarked;
