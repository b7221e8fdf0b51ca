package dev.mvirt.api.raft;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * What one peer keeps in memory and how it groups writes; the API server's {@code --limit NAME=VALUE} flags
 * ({@link #NAMES}), read once at start. Every figure is a count, at least 1.
 *
 * @param cachedSegments Ratis log segments whose entries stay in memory (2: the entries a follower normally needs; a
 *     follower further behind is sent older entries read back from disk). Ratis's default of six 8 MiB segments held
 *     tens of thousands of entries, live heap every young collection copied.
 * @param keptOutcomes applied entries' outcomes kept for the writes proposed through this peer ({@link
 *     AppliedWaiters}): a proposer collects its own moments after the commit, so 10,000 (seconds to minutes of
 *     writes) is ample; each holds a resource version in memory.
 * @param eventHistory events a watch can resume from ({@link dev.mvirt.api.store.EventLog}; 20,000, minutes of a busy
 *     cluster's changes): a watcher asking for older revisions, or one that falls half that far behind, is told to
 *     resync (list again, then watch from the listed revision). At least 2.
 * @param batchInFlight group commit ({@link WriteBatcher}): entries of this peer on their way to commit at once (1:
 *     at 64 clients 1,399 writes/s vs 1,242 with 2, fuller entries); the writes that queue meanwhile share the next
 *     entry
 * @param batchCommands commands in one entry, at most (128)
 * @param batchBytes bytes of commands in one entry, at most (1 MiB)
 */
public record Limits(
        int cachedSegments, int keptOutcomes, int eventHistory, int batchInFlight, int batchCommands, int batchBytes) {

    /** The defaults above. */
    public static final Limits DEFAULT = new Limits(2, 10_000, 20_000, 1, 128, 1 << 20);

    /** The flag names, each with the field it sets, in the order of the record's components. */
    public static final Map<String, ToIntFunction<Limits>> NAMES = names();

    /** Checks every figure (the field's flag name and the reason on failure). */
    public Limits {
        positive("cached-segments", cachedSegments, 1);
        positive("kept-outcomes", keptOutcomes, 1);
        positive("event-history", eventHistory, 2);
        positive("batch-in-flight", batchInFlight, 1);
        positive("batch-commands", batchCommands, 1);
        positive("batch-bytes", batchBytes, 1);
    }

    /**
     * These limits with {@code overrides} ({@code name → value}, names from {@link #NAMES}) applied; throws
     * IllegalArgumentException naming the flag and the reason for an unknown name or a value that is not a whole
     * number in range. Nothing is applied when any one is wrong.
     */
    public Limits with(Map<String, String> overrides) {
        List<String> names = List.copyOf(NAMES.keySet());
        int[] v = NAMES.values().stream()
                .mapToInt(field -> field.applyAsInt(this))
                .toArray();
        overrides.forEach((name, text) -> {
            int i = names.indexOf(name);
            if (i < 0) {
                throw new IllegalArgumentException(
                        "--limit " + name + ": unknown limit; known: " + String.join(", ", names));
            }
            try {
                v[i] = Integer.parseInt(text.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "--limit " + name + ": expected a whole number, got '" + text + "'", e);
            }
        });
        return new Limits(v[0], v[1], v[2], v[3], v[4], v[5]);
    }

    private static Map<String, ToIntFunction<Limits>> names() {
        Map<String, ToIntFunction<Limits>> m = new LinkedHashMap<>();
        m.put("cached-segments", Limits::cachedSegments);
        m.put("kept-outcomes", Limits::keptOutcomes);
        m.put("event-history", Limits::eventHistory);
        m.put("batch-in-flight", Limits::batchInFlight);
        m.put("batch-commands", Limits::batchCommands);
        m.put("batch-bytes", Limits::batchBytes);
        return Collections.unmodifiableMap(m);
    }

    private static void positive(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException("--limit " + name + ": must be at least " + min + ", got " + value);
        }
    }
}
