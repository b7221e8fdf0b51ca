package dev.mvirt.api.codec;

import dev.mvirt.api.state.Envelope;

/** The outcome of decoding one Raft log entry: the envelope, a batch of them, or why it was refused. */
public sealed interface Decoded {

    /** The entry decoded to {@code envelope}. */
    record Ok(Envelope envelope) implements Decoded {}

    /** A batch entry: each of its envelopes decoded on its own ({@link Ok} or {@link Rejected}), in order. */
    record Batch(java.util.List<Decoded> entries) implements Decoded {}

    /**
     * The entry cannot be applied by this version: malformed bytes, no command or one unknown to this version
     * (written by a newer peer), an unknown enum value, a required message missing. {@code reason} says which.
     */
    record Rejected(String reason) implements Decoded {}
}
