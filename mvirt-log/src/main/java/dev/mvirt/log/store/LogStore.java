package dev.mvirt.log.store;

import dev.mvirt.log.model.Entry;
import dev.mvirt.log.model.LogQuery;
import dev.mvirt.log.model.Page;
import java.util.List;

/**
 * Durable storage of log entries.
 *
 * <p>Writes ({@link #append}, {@link #deleteOlderThan}, {@link #deleteOldest}) come from one thread only, the
 * writer; reads ({@link #query}, {@link #lastSeq}, {@link #usedBytes}) from any thread, concurrently with writes.
 * Failures are thrown as {@link StorageException}.
 */
public interface LogStore extends AutoCloseable {

    /**
     * Stores every group of entries in one transaction and returns, per group, what was stored, once the
     * transaction is durable. Entries whose id is already stored (also earlier in the same call) are skipped and
     * counted as duplicates. Seqs increase in commit order. On failure nothing of the call is stored.
     */
    List<AppendResult> append(List<List<Entry>> groups);

    /** One page of entries matching {@code query}, positioned by its cursor. */
    Page query(LogQuery query);

    /** The highest seq ever assigned (0 when none). */
    long lastSeq();

    /** Deletes at most {@code max} entries with a timestamp before {@code cutoffNs}; returns how many. */
    int deleteOlderThan(long cutoffNs, int max);

    /** Deletes the {@code max} entries with the lowest seqs; returns how many. */
    int deleteOldest(int max);

    /** Bytes of storage in use by entries (excluding free pages). */
    long usedBytes();

    @Override
    void close();

    /** What {@link #append} did: entries newly stored and duplicates skipped. */
    record AppendResult(int stored, int duplicates) {}
}
