package dev.mvirt.api.rest;

import dev.mvirt.api.store.ClusterInfo;
import dev.mvirt.api.store.DataStore;

/** What every handler class is built with: the store, the Raft group view, the configuration, JSON, the guard. */
record Env(DataStore store, ClusterInfo cluster, ApiConfig cfg, Json json, Guard guard) {}
