package dev.mvirt.api.codec;

/**
 * Bytes that parse as protobuf but do not describe a valid model value: a required message missing, a oneof case
 * unset or unknown to this version, an enum value from the future, an unsupported format version. Thrown by
 * {@link SnapshotCodec#read}; {@link CommandCodec#decode} turns it into {@link Decoded.Rejected}.
 */
public final class CodecException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A problem described by {@code message}, which names the field. */
    public CodecException(String message) {
        super(message);
    }
}
