/** SQLite state of the daemon: VM specs, phases, pids and runtime sockets. */
@NullMarked
package dev.mvirt.vmm.store;

import org.jspecify.annotations.NullMarked;
