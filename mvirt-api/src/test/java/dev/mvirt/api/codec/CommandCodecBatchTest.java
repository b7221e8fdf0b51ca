package dev.mvirt.api.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mvirt.api.state.Envelope;
import dev.mvirt.proto.api.v1.BatchProto;
import dev.mvirt.proto.api.v1.EnvelopeProto;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Batch entries: each command decoded on its own, in order; a bad one is refused alone. */
class CommandCodecBatchTest {

    private static List<Envelope> envelopes() {
        return CodecFixtures.commands().values().stream()
                .map(CodecFixtures::envelope)
                .toList();
    }

    @Test
    void aBatchDecodesToEveryEnvelopeInOrder() {
        List<Envelope> all = envelopes();
        Decoded d = CommandCodec.decode(
                CommandCodec.encodeBatch(all.stream().map(CommandCodec::encode).toList()));
        assertThat(d).isInstanceOf(Decoded.Batch.class);
        assertThat(((Decoded.Batch) d).entries())
                .extracting(e -> ((Decoded.Ok) e).envelope())
                .containsExactlyElementsOf(all);
    }

    @Test
    void aBadCommandInABatchIsRefusedAloneAndTheOthersStand() {
        Envelope first = envelopes().get(0);
        Envelope last = envelopes().get(1);
        byte[] nested = CommandCodec.encodeBatch(List.of(CommandCodec.encode(first)));
        Decoded d = CommandCodec.decode(CommandCodec.encodeBatch(List.of(
                CommandCodec.encode(first),
                "garbage".getBytes(StandardCharsets.UTF_8),
                nested,
                CommandCodec.encode(last))));
        List<Decoded> entries = ((Decoded.Batch) d).entries();
        assertThat(entries).hasSize(4);
        assertThat(entries.get(0)).isEqualTo(new Decoded.Ok(first));
        assertThat(((Decoded.Rejected) entries.get(1)).reason()).startsWith("malformed entry");
        assertThat(((Decoded.Rejected) entries.get(2)).reason()).contains("batch inside a batch");
        assertThat(entries.get(3)).isEqualTo(new Decoded.Ok(last));
    }

    @Test
    void aBatchOfANewerFormatIsRefusedWhole() {
        byte[] bytes = EnvelopeProto.newBuilder()
                .setVersion(CommandCodec.FORMAT_VERSION + 1)
                .setBatch(BatchProto.newBuilder()
                        .addEntries(com.google.protobuf.ByteString.copyFrom(
                                CommandCodec.encode(envelopes().get(0)))))
                .build()
                .toByteArray();
        assertThat(CommandCodec.decode(bytes))
                .isInstanceOfSatisfying(
                        Decoded.Rejected.class, r -> assertThat(r.reason()).contains("format version 2"));
    }
}
