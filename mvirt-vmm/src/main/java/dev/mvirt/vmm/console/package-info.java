/** Serial consoles: one connection per running VM, a bounded on-disk log, live subscribers. */
@NullMarked
package dev.mvirt.vmm.console;

import org.jspecify.annotations.NullMarked;
