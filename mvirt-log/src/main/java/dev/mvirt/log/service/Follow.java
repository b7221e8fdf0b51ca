package dev.mvirt.log.service;

import dev.mvirt.log.model.Cursor;
import dev.mvirt.log.model.LogQuery;
import dev.mvirt.log.model.Page;
import dev.mvirt.log.store.LogStore;
import java.time.Duration;

/**
 * Runs a following query: every matching entry after the query's cursor, page by page, then each new commit's
 * matching entries, until the sink is cancelled. Runs on the caller's thread (a virtual thread per follower).
 */
public final class Follow {
    private static final Duration WAKE = Duration.ofSeconds(1);

    /** Receives pages; implemented by the protocol edge. */
    public interface PageSink {
        /** Delivers a non-empty page and the cursor after it; may block for flow control. */
        void send(Page page, Cursor next);

        /** Whether the client went away; checked between pages and at least every second while idle. */
        boolean cancelled();
    }

    private final LogStore store;
    private final CommitSignal commits;

    public Follow(LogStore store, CommitSignal commits) {
        this.store = store;
        this.commits = commits;
    }

    /**
     * Streams until {@code sink} is cancelled, the writer closes or the thread is interrupted.
     *
     * @throws IllegalArgumentException when the query is newest-first (a follow runs forward)
     */
    public void run(LogQuery query, PageSink sink) {
        if (query.newestFirst()) {
            throw new IllegalArgumentException("follow runs oldest first");
        }
        Cursor cursor = query.after();
        try {
            while (!sink.cancelled()) {
                // read the committed position before querying, so a commit in between wakes the next wait
                long seen = commits.lastSeq();
                Page page = store.query(query.withAfter(cursor));
                if (!page.entries().isEmpty()) {
                    cursor = page.next(cursor);
                    sink.send(page, cursor);
                }
                if (!page.more() && !commits.awaitBeyond(seen, WAKE) && commits.closed()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
