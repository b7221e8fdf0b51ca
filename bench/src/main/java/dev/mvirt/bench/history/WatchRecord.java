package dev.mvirt.bench.history;

/** What one watcher received, in order: events, and the points where its stream was (re)opened. */
public sealed interface WatchRecord {

    /** The stream was opened (or resumed after a disconnect) asking for events after {@code fromRevision}. */
    record Opened(long fromRevision) implements WatchRecord {}

    /**
     * The server answered that {@code fromRevision} is no longer kept (410); the watcher re-lists and reopens, so a
     * gap before the next {@link Opened} is allowed.
     */
    record Resync(long fromRevision) implements WatchRecord {}

    /** An event: the register {@code key} took {@code value} at {@code revision}. */
    record Seen(long revision, String key, String value) implements WatchRecord {}
}
