package dev.mvirt.log.model;

/** An entry as stored: {@code seq} is assigned by the store and increases in commit order. */
public record StoredEntry(long seq, Entry entry) {}
