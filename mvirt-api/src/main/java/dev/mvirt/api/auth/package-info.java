/**
 * Secrets kept in the replicated settings: API tokens and join tokens as SHA-256 hashes ({@link
 * dev.mvirt.api.auth.SecretBook}), and the cluster's node secret from which per-node credentials are derived ({@link
 * dev.mvirt.api.auth.NodeCredentials}). Pure: reads a {@code ClusterState}, returns the commands that change it.
 */
@NullMarked
package dev.mvirt.api.auth;

import org.jspecify.annotations.NullMarked;
