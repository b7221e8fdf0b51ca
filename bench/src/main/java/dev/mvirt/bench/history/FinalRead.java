package dev.mvirt.bench.history;

/** The value and revision of {@code key} on {@code peer} after the run, once faults are healed and peers converged. */
public record FinalRead(String peer, String key, String value, long revision) {}
