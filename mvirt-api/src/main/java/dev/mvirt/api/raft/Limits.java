package dev.mvirt.api.raft;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

/**
 * What one peer keeps in memory and how it groups writes; the API server's {@code --limit NAME=VALUE} flags
 * ({@link #NAMES}), read once at start. Every figure is a count, at least 1.
 *
 * @param cachedSegments Ratis log segments whose entries stay in memory (2: the entries a follower normally needs; a
 *     follower further behind is sent older entries read back from disk). Ratis's default of six 8 MiB segments held
 *     tens of thousands of entries, live heap every young collection copied.
 * @param keptOutcomes outcomes of entries this peer proposed, kept from their apply until the proposer collects
 *     them ({@link AppliedWaiters}; moments, on the leader) and at most this many: more stay only when proposers
 *     gave up waiting, so 10,000 is ample; each holds a resource version in memory.
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

    /** One flag: its name, the component it sets and the least value it takes. */
    private record Field(String name, ToIntFunction<Limits> get, int min) {}

    /** Every flag, in the order of the record's components (the order the checks and {@link #with} use). */
    private static final List<Field> FIELDS = List.of(
            new Field("cached-segments", Limits::cachedSegments, 1),
            new Field("kept-outcomes", Limits::keptOutcomes, 1),
            new Field("event-history", Limits::eventHistory, 2),
            new Field("batch-in-flight", Limits::batchInFlight, 1),
            new Field("batch-commands", Limits::batchCommands, 1),
            new Field("batch-bytes", Limits::batchBytes, 1));

    /** The flag names, each with the field it sets, in the order of the record's components. */
    public static final Map<String, ToIntFunction<Limits>> NAMES = Collections.unmodifiableMap(
            FIELDS.stream().collect(Collectors.toMap(Field::name, Field::get, (a, b) -> a, LinkedHashMap::new)));

    /** The defaults above. */
    public static final Limits DEFAULT = new Limits(2, 10_000, 20_000, 1, 128, 1 << 20);

    /** Checks every figure (the field's flag name and the reason on failure). */
    public Limits {
        int[] values = {cachedSegments, keptOutcomes, eventHistory, batchInFlight, batchCommands, batchBytes};
        for (int i = 0; i < values.length; i++) {
            Field f = FIELDS.get(i);
            if (values[i] < f.min()) {
                throw new IllegalArgumentException(
                        "--limit " + f.name() + ": must be at least " + f.min() + ", got " + values[i]);
            }
        }
    }

    /**
     * These limits with {@code overrides} ({@code name → value}, names from {@link #NAMES}) applied; throws
     * IllegalArgumentException naming the flag and the reason for an unknown name or a value that is not a whole
     * number in range. Nothing is applied when any one is wrong.
     */
    public Limits with(Map<String, String> overrides) {
        List<String> names = FIELDS.stream().map(Field::name).toList();
        int[] v = FIELDS.stream().mapToInt(f -> f.get().applyAsInt(this)).toArray();
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
}
