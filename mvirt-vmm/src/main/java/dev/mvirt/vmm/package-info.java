/** mvirt-vmm: the per-host hypervisor daemon; {@code Main} wires the layers below. */
@NullMarked
package dev.mvirt.vmm;

import org.jspecify.annotations.NullMarked;
