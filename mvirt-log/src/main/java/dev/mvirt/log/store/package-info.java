/** Storage of log entries: the LogStore interface, its SQLite implementation and an in-memory fake. */
@NullMarked
package dev.mvirt.log.store;

import org.jspecify.annotations.NullMarked;
