package dev.mvirt.api.store;

import dev.mvirt.api.state.Result;

/** The committed and applied result of a submitted command, and the Raft index (revision) it was applied at. */
public record Outcome(long revision, Result result) {}
