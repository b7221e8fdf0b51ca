package dev.mvirt.api.codec;

import dev.mvirt.api.state.Envelope;

/** The outcome of decoding one Raft log entry: the envelope, a batch of them, or why it was refused. */
public sealed interface Decoded {

    /** The entry decoded to {@code envelope}. */
    record Ok(Envelope envelope) implements Decoded {}

    /**
     * A batch entry: each of its envelopes decoded on its own ({@link Ok} or {@link Rejected}), in order, and the
     * id of each one's write ({@code ids} is empty for a batch written without them, else as long as
     * {@code entries}).
     */
    record Batch(java.util.List<Decoded> entries, java.util.List<WriteId> ids) implements Decoded {
        public Batch {
            entries = java.util.List.copyOf(entries);
            ids = java.util.List.copyOf(ids);
        }

        /** A batch without write ids. */
        public Batch(java.util.List<Decoded> entries) {
            this(entries, java.util.List.of());
        }
    }

    /**
     * The entry cannot be applied by this version: malformed bytes, no command or one unknown to this version
     * (written by a newer peer), an unknown enum value, a required message missing. {@code reason} says which.
     */
    record Rejected(String reason) implements Decoded {}
}
