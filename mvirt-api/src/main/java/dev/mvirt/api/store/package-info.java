/**
 * The {@link dev.mvirt.api.store.DataStore}: what handlers see of the replicated state. One small interface per
 * domain, all on top of {@link dev.mvirt.api.store.StoreCore} (submit a command, read the local state, read
 * linearizably, watch events). {@code RaftStore} (in {@code raft}) proposes through Ratis; {@link
 * dev.mvirt.api.store.LocalStore} applies directly and exists for handler unit tests only.
 */
@NullMarked
package dev.mvirt.api.store;

import org.jspecify.annotations.NullMarked;
