/** VM records, specs, phases and the module's exceptions: plain data, no I/O. */
@NullMarked
package dev.mvirt.vmm.model;

import org.jspecify.annotations.NullMarked;
