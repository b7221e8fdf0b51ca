/** The benchmark and robustness entry points: command lines and wiring only. */
@NullMarked
package dev.mvirt.bench;

import org.jspecify.annotations.NullMarked;
