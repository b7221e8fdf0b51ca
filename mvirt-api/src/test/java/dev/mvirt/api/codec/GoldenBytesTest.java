package dev.mvirt.api.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.mvirt.api.model.Kind;
import dev.mvirt.api.state.Envelope;
import dev.mvirt.api.state.IdempotencyRecord;
import dev.mvirt.proto.api.v1.IdempotencyRecordProto;
import dev.mvirt.proto.api.v1.ResourceProto;
import dev.mvirt.proto.api.v1.SpecProto;
import dev.mvirt.proto.api.v1.StatusProto;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The bytes of every fixture sample, checked in under {@code src/test/resources/codec/golden-v1.txt}. Encoding must
 * give exactly these bytes (an accidental renumbering or a changed enum mapping fails here), and these bytes must
 * decode to the samples (entries already in a cluster's log stay readable). On a mismatch the actual file is
 * written to {@code target/codec/golden-v1.actual.txt}; copy it over the golden file only for a deliberate,
 * compatible change (a new command or field), never to silence a renumbering.
 */
class GoldenBytesTest {
    private static final String GOLDEN = "/codec/golden-v1.txt";
    private static final HexFormat HEX = HexFormat.of();

    /** A sample, its encoding and how to decode bytes back. */
    private record Sample(Object value, String hex, Decoder decoder) {}

    @FunctionalInterface
    private interface Decoder {
        Object decode(byte[] bytes) throws InvalidProtocolBufferException;
    }

    private static Map<String, Sample> samples() {
        Map<String, Sample> m = new LinkedHashMap<>();
        CodecFixtures.commands().forEach((type, c) -> {
            var env = CodecFixtures.envelope(c);
            m.put(
                    "command." + type.getSimpleName(),
                    new Sample(env, hex(CommandCodec.encode(env)), GoldenBytesTest::env));
        });
        List<Envelope> batch = CodecFixtures.commands().values().stream()
                .limit(2)
                .map(CodecFixtures::envelope)
                .toList();
        m.put(
                "command.Batch",
                new Sample(
                        batch,
                        hex(CommandCodec.encodeBatch(
                                batch.stream().map(CommandCodec::encode).toList())),
                        GoldenBytesTest::env));
        CodecFixtures.specs()
                .forEach((type, s) -> m.put(
                        "spec." + type.getSimpleName(),
                        new Sample(
                                s,
                                hex(SpecCodec.encode(s).toByteArray()),
                                b -> SpecCodec.decode(SpecProto.parseFrom(b), "s"))));
        CodecFixtures.statuses()
                .forEach((type, s) -> m.put(
                        "status." + type.getSimpleName(),
                        new Sample(
                                s,
                                hex(StatusCodec.encode(s).toByteArray()),
                                b -> StatusCodec.decode(StatusProto.parseFrom(b), "s"))));
        var vm = ResourceCodecTest.vm();
        m.put(
                "resource.vm",
                new Sample(
                        vm,
                        hex(ResourceCodec.encode(vm).toByteArray()),
                        b -> ResourceCodec.decode(ResourceProto.parseFrom(b), "r")));
        var rec = new IdempotencyRecord("idem-7", "sha256:abc", Kind.NIC, CodecFixtures.ID2, 12, 1_700_000_000_123L);
        m.put(
                "idempotency",
                new Sample(
                        rec,
                        hex(ResourceCodec.encode(rec).toByteArray()),
                        b -> ResourceCodec.decode(IdempotencyRecordProto.parseFrom(b), "i")));
        return m;
    }

    private static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    private static Object env(byte[] bytes) {
        return switch (CommandCodec.decode(bytes)) {
            case Decoded.Ok ok -> ok.envelope();
            case Decoded.Rejected r -> r;
            case Decoded.Batch b ->
                b.entries().stream()
                        .map(d -> d instanceof Decoded.Ok ok ? ok.envelope() : d)
                        .toList();
        };
    }

    @Test
    void encodingGivesTheGoldenBytes() throws IOException {
        Map<String, String> golden = golden();
        Map<String, String> actual = new LinkedHashMap<>();
        samples().forEach((name, s) -> actual.put(name, s.hex()));
        if (!actual.equals(golden)) {
            writeActual(actual);
        }
        assertThat(actual)
                .as("encoding changed; see target/codec/golden-v1.actual.txt and the class comment")
                .containsExactlyEntriesOf(golden);
    }

    @Test
    void goldenBytesDecodeToTheSamples() throws InvalidProtocolBufferException {
        Map<String, Sample> samples = samples();
        for (Map.Entry<String, String> g : golden().entrySet()) {
            Sample s = Objects.requireNonNull(samples.get(g.getKey()), g.getKey());
            assertThat(s.decoder().decode(HEX.parseHex(g.getValue())))
                    .as(g.getKey())
                    .isEqualTo(s.value());
        }
    }

    private static Map<String, String> golden() {
        Map<String, String> m = new LinkedHashMap<>();
        try (InputStream in = Objects.requireNonNull(GoldenBytesTest.class.getResourceAsStream(GOLDEN), GOLDEN)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .toList()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] parts = line.trim().split(" ", 2);
                    m.put(parts[0], parts.length > 1 ? parts[1] : "");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(GOLDEN, e);
        }
        return m;
    }

    private static void writeActual(Map<String, String> actual) throws IOException {
        StringBuilder b = new StringBuilder();
        b.append("# mvirt log format v1: golden bytes of the codec fixtures, one per line: NAME HEX.\n");
        b.append("# Field numbers are forever: change a line only for a deliberate, compatible format change.\n");
        actual.forEach((k, v) -> b.append(k).append(' ').append(v).append('\n'));
        Path out = Path.of("target", "codec", "golden-v1.actual.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, b.toString());
    }
}
