/** Pure data of the audit log: entries, levels, queries, cursors. No I/O. */
@NullMarked
package dev.mvirt.log.model;

import org.jspecify.annotations.NullMarked;
