/** Pure records of what clients did and saw: operations with invocation and completion, and watch streams. */
@NullMarked
package dev.mvirt.bench.history;

import org.jspecify.annotations.NullMarked;
