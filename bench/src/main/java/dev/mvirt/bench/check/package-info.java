/** Pure checks of a recorded history: linearizability per key (Wing–Gong/Lowe), lost writes, watch gaps, sessions. */
@NullMarked
package dev.mvirt.bench.check;

import org.jspecify.annotations.NullMarked;
