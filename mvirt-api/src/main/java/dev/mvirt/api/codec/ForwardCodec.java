package dev.mvirt.api.codec;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.mvirt.proto.api.v1.ForwardProto;
import dev.mvirt.proto.api.v1.ForwardReplyProto;
import java.util.ArrayList;
import java.util.List;

/**
 * The messages of a write forwarded to the leader ({@code raft/Intake}): the writes with their ids, and the answer,
 * where each was committed or why to send them again. Pure; decoding throws {@link CodecException} for bytes that are
 * not such a message.
 */
public final class ForwardCodec {
    private ForwardCodec() {}

    /** One write of a forward: its id and its encoded envelope. */
    public record Write(WriteId id, byte[] entry) {}

    /** Where a write was committed: the entry's log index and the write's position among the entry's commands. */
    public record Placed(long index, int position) {}

    /** The leader's answer: the place of each write in order, or (when {@code retry} is not empty) why to resend. */
    public record Reply(String retry, List<Placed> placed) {
        public Reply {
            placed = List.copyOf(placed);
        }

        public static Reply retry(String why) {
            return new Reply(why.isEmpty() ? "refused" : why, List.of());
        }
    }

    public static byte[] encode(List<Write> writes) {
        ForwardProto.Builder b = ForwardProto.newBuilder();
        for (Write w : writes) {
            b.addIds(Wire.writeId(w.id()));
            b.addEntries(ByteString.copyFrom(w.entry()));
        }
        return b.build().toByteArray();
    }

    public static List<Write> decode(byte[] bytes) {
        try {
            ForwardProto p = ForwardProto.parseFrom(bytes);
            if (p.getIdsCount() != p.getEntriesCount() || p.getIdsCount() == 0) {
                throw new CodecException("forward: " + p.getIdsCount() + " ids for " + p.getEntriesCount() + " writes");
            }
            List<Write> out = new ArrayList<>(p.getIdsCount());
            for (int i = 0; i < p.getIdsCount(); i++) {
                out.add(new Write(Wire.writeId(p.getIds(i)), p.getEntries(i).toByteArray()));
            }
            return out;
        } catch (InvalidProtocolBufferException e) {
            throw new CodecException("forward: malformed message: " + e.getMessage());
        }
    }

    public static byte[] encode(Reply reply) {
        ForwardReplyProto.Builder b = ForwardReplyProto.newBuilder().setRetry(reply.retry());
        for (Placed p : reply.placed()) {
            b.addIndex(p.index());
            b.addPosition(p.position());
        }
        return b.build().toByteArray();
    }

    public static Reply decodeReply(byte[] bytes) {
        try {
            ForwardReplyProto p = ForwardReplyProto.parseFrom(bytes);
            if (p.getIndexCount() != p.getPositionCount()) {
                throw new CodecException(
                        "forward reply: " + p.getIndexCount() + " indexes for " + p.getPositionCount() + " positions");
            }
            List<Placed> placed = new ArrayList<>(p.getIndexCount());
            for (int i = 0; i < p.getIndexCount(); i++) {
                placed.add(new Placed(p.getIndex(i), p.getPosition(i)));
            }
            return new Reply(p.getRetry(), placed);
        } catch (InvalidProtocolBufferException e) {
            throw new CodecException("forward reply: malformed message: " + e.getMessage());
        }
    }
}
