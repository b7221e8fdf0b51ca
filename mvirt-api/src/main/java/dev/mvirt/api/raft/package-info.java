/**
 * The Ratis adapter: {@link dev.mvirt.api.raft.MvirtStateMachine} decodes log entries, applies them to the pure
 * {@code ClusterState}, publishes events and takes/restores snapshots; {@link dev.mvirt.api.raft.RaftNode} runs the
 * Ratis server and client; {@link dev.mvirt.api.raft.RaftStore} and {@link dev.mvirt.api.raft.RaftCluster} expose
 * them as {@code DataStore} and {@code ClusterInfo}; {@link dev.mvirt.api.raft.CommitPush} is Ratis's gRPC transport
 * with a log appender that tells followers of commits at once. Election, replication, log storage, snapshot transfer,
 * leader forwarding and membership are Ratis's; none is written here.
 */
@NullMarked
package dev.mvirt.api.raft;

import org.jspecify.annotations.NullMarked;
