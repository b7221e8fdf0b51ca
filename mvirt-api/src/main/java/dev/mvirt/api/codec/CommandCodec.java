package dev.mvirt.api.codec;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.mvirt.api.state.Envelope;
import dev.mvirt.proto.api.v1.EnvelopeProto;

/**
 * Encodes a Raft log entry ({@link Envelope}) as an {@code EnvelopeProto} and back. Pure and thread-safe; no
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
     * The envelope in {@code bytes}, or why it cannot be applied: malformed protobuf, an unsupported format version,
     * no command or one unknown to this version (written by a newer peer), an unknown enum value, a required message
     * missing.
     */
    public static Decoded decode(byte[] bytes) {
        try {
            return new Decoded.Ok(fromProto(EnvelopeProto.parseFrom(bytes)));
        } catch (InvalidProtocolBufferException e) {
            return new Decoded.Rejected("malformed entry: " + e.getMessage());
        } catch (CodecException e) {
            return new Decoded.Rejected(String.valueOf(e.getMessage()));
        } catch (RuntimeException e) {
            // a model constructor refusing a value; still never fatal for the peer
            return new Decoded.Rejected("undecodable entry: " + e);
        }
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
        if (p.getVersion() == 0 || Integer.compareUnsigned(p.getVersion(), FORMAT_VERSION) > 0) {
            throw new CodecException("version: format version " + Integer.toUnsignedString(p.getVersion())
                    + " is not supported (this version reads 1.." + FORMAT_VERSION + ")");
        }
        return new Envelope(
                CommandDecoder.decode(p), p.getActor(), p.getTimeMillis(), p.getIdempotencyKey(), p.getRequestHash());
    }
}
