/** The mvirt-log daemon: command line and wiring only. */
@NullMarked
package dev.mvirt.log;

import org.jspecify.annotations.NullMarked;
