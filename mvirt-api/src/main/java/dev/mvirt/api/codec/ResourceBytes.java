package dev.mvirt.api.codec;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.mvirt.api.model.Resource;
import dev.mvirt.proto.api.v1.ResourceProto;

/**
 * One resource version as bytes (its {@code ResourceProto}, as in a snapshot), for what a peer keeps in memory in
 * bulk for seconds: the event history ({@link dev.mvirt.api.store.EventLog}). One array instead of a resource's
 * object graph is what a young collection copies.
 */
public final class ResourceBytes {
    private ResourceBytes() {}

    /** The bytes of {@code resource}. */
    public static byte[] encode(Resource<?, ?> resource) {
        return ResourceCodec.encode(resource).toByteArray();
    }

    /** The resource {@link #encode} gave {@code bytes} for; throws CodecException for bytes it did not give. */
    public static Resource<?, ?> decode(byte[] bytes) {
        try {
            return ResourceCodec.decode(ResourceProto.parseFrom(bytes), "resource");
        } catch (InvalidProtocolBufferException e) {
            throw new CodecException("resource: not a ResourceProto (" + e.getMessage() + ")");
        }
    }
}
