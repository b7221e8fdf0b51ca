package dev.mvirt.api.codec;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.mvirt.api.state.Envelope;
import dev.mvirt.proto.api.v1.BatchProto;
import dev.mvirt.proto.api.v1.EnvelopeProto;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes a Raft log entry ({@link Envelope}, or a batch of encoded envelopes) as an {@code EnvelopeProto} and
 * back. Pure and thread-safe; no
 * reflection. The leader encodes when it proposes; every peer decodes on the apply thread, where a failure must
 * never stop the peer: {@link #decode} never throws, it answers {@link Decoded.Rejected} with the reason.
 */
public final class CommandCodec {
    /** The format version written into every entry; entries with 0 or a newer version are rejected. */
    public static final int FORMAT_VERSION = 1;

    private CommandCodec() {}

    /** The entry's bytes. Throws only for a bug (every model value has an encoding). */
    public static byte[] encode(Envelope envelope) {
        return toProto(envelope).toByteArray();
    }

    /**
     * One entry carrying {@code entries} (each from {@link #encode}), applied in order, each at its own revision.
     * Entries are not re-encoded: a batch is built from the bytes its proposers already made.
     */
    public static byte[] encodeBatch(List<byte[]> entries) {
        BatchProto.Builder batch = BatchProto.newBuilder();
        entries.forEach(e -> batch.addEntries(ByteString.copyFrom(e)));
        return EnvelopeProto.newBuilder()
                .setVersion(FORMAT_VERSION)
                .setBatch(batch)
                .build()
                .toByteArray();
    }

    /**
     * The envelope in {@code bytes}, or why it cannot be applied: malformed protobuf, an unsupported format version,
     * no command or one unknown to this version (written by a newer peer), an unknown enum value, a required message
     * missing.
     */
    public static Decoded decode(byte[] bytes) {
        try {
            EnvelopeProto p = EnvelopeProto.parseFrom(bytes);
            if (p.hasBatch()) {
                return batch(p);
            }
            return new Decoded.Ok(fromProto(p));
        } catch (InvalidProtocolBufferException e) {
            return new Decoded.Rejected("malformed entry: " + e.getMessage());
        } catch (CodecException e) {
            return new Decoded.Rejected(String.valueOf(e.getMessage()));
        } catch (RuntimeException e) {
            // a model constructor refusing a value; still never fatal for the peer
            return new Decoded.Rejected("undecodable entry: " + e);
        }
    }

    /** Each entry of a batch decoded on its own: one bad entry is rejected, the others still apply. */
    private static Decoded batch(EnvelopeProto p) {
        fromVersion(p.getVersion());
        List<Decoded> entries = new ArrayList<>(p.getBatch().getEntriesCount());
        for (ByteString e : p.getBatch().getEntriesList()) {
            Decoded d = decode(e.toByteArray());
            entries.add(d instanceof Decoded.Batch ? new Decoded.Rejected("a batch inside a batch is not allowed") : d);
        }
        return new Decoded.Batch(entries);
    }

    static EnvelopeProto toProto(Envelope envelope) {
        EnvelopeProto.Builder b = EnvelopeProto.newBuilder()
                .setVersion(FORMAT_VERSION)
                .setActor(envelope.actor())
                .setTimeMillis(envelope.timeMillis())
                .setIdempotencyKey(envelope.idempotencyKey())
                .setRequestHash(envelope.requestHash());
        CommandEncoder.encode(envelope.command(), b);
        return b.build();
    }

    static Envelope fromProto(EnvelopeProto p) {
        fromVersion(p.getVersion());
        return new Envelope(
                CommandDecoder.decode(p), p.getActor(), p.getTimeMillis(), p.getIdempotencyKey(), p.getRequestHash());
    }

    private static void fromVersion(int version) {
        if (version == 0 || Integer.compareUnsigned(version, FORMAT_VERSION) > 0) {
            throw new CodecException("version: format version " + Integer.toUnsignedString(version)
                    + " is not supported (this version reads 1.." + FORMAT_VERSION + ")");
        }
    }
}
