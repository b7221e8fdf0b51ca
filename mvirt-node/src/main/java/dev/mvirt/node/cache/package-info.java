/**
 * The host's copy of its desired state, as received from {@code WatchSpecs}: resources by key with their
 * revisions, the stream revision to resume from, persisted in the data dir so a restarted agent resumes and its
 * reconcilers can work while the API is unreachable.
 */
@NullMarked
package dev.mvirt.node.cache;

import org.jspecify.annotations.NullMarked;
