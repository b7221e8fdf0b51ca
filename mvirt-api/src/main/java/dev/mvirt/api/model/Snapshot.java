package dev.mvirt.api.model;

/** A named snapshot of a volume, created at {@code createdAt} (epoch millis, from the command). */
public record Snapshot(String name, long createdAt) {}
