package dev.mvirt.api.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mvirt.api.state.Command;
import dev.mvirt.api.state.Envelope;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CommandCodecTest {

    static Stream<Command> commands() {
        return CodecFixtures.commands().values().stream();
    }

    @Test
    void everyCommandRecordHasASample() {
        assertThat(CodecFixtures.commands().keySet())
                .as("add a sample to CodecFixtures.commands() for every new Command record")
                .containsExactlyInAnyOrder(Command.class.getPermittedSubclasses());
    }

    @ParameterizedTest
    @MethodSource("commands")
    void everySampleSetsEveryField(Command command) {
        EveryField.assertSet(CodecFixtures.envelope(command), command.getClass().getSimpleName());
    }

    @ParameterizedTest
    @MethodSource("commands")
    void roundTripsEveryCommand(Command command) {
        Envelope env = CodecFixtures.envelope(command);

        Decoded decoded = CommandCodec.decode(CommandCodec.encode(env));

        assertThat(decoded).isEqualTo(new Decoded.Ok(env));
    }

    @Test
    void roundTripsDefaultsAsEmptyStringsAndZeros() {
        Envelope env = Envelope.of(new Command.DetachNic("", 0), "", 0);

        assertThat(CommandCodec.decode(CommandCodec.encode(env))).isEqualTo(new Decoded.Ok(env));
    }

    @Test
    void encodesTheSameMapInTheSameBytesWhateverItsOrder() {
        Envelope a = Envelope.of(new Command.SetSettings(java.util.Map.of("a", "1", "b", "2", "c", "3")), "x", 1);
        java.util.LinkedHashMap<String, String> reversed = new java.util.LinkedHashMap<>();
        reversed.put("c", "3");
        reversed.put("b", "2");
        reversed.put("a", "1");
        Envelope b = Envelope.of(new Command.SetSettings(reversed), "x", 1);

        assertThat(CommandCodec.encode(a)).isEqualTo(CommandCodec.encode(b));
    }

    @ParameterizedTest
    @MethodSource("commands")
    void everyStrictPrefixIsRejected(Command command) {
        byte[] full = CommandCodec.encode(CodecFixtures.envelope(command));
        for (int len = 0; len < full.length; len++) {
            assertThat(CommandCodec.decode(Arrays.copyOf(full, len)))
                    .as("prefix of %d bytes", len)
                    .isInstanceOf(Decoded.Rejected.class);
        }
    }
}
