/**
 * The replicated state: {@link dev.mvirt.api.state.ClusterState} and the {@link dev.mvirt.api.state.Command}s that
 * change it. {@code ClusterState.apply} is pure and deterministic (no clock, no randomness, no I/O): ids and
 * timestamps arrive inside the command, expected rejections are {@link dev.mvirt.api.state.Result} values.
 */
@NullMarked
package dev.mvirt.api.state;

import org.jspecify.annotations.NullMarked;
