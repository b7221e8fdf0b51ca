package dev.mvirt.cli.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ParsingTest {
    @Test
    void rules() {
        var r = Rules.parse("direction=egress,protocol=udp,port=53,cidr=10.0.0.0/8");
        assertThat(r.toString())
                .isEqualTo(
                        "{\"direction\":\"egress\",\"protocol\":\"udp\",\"portFrom\":53,\"portTo\":53,\"cidr\":\"10.0.0.0/8\"}");
        assertThat(Rules.parse("peer=web").path("direction").asText()).isEqualTo("ingress");
        assertThatThrownBy(() -> Rules.parse("color=red")).hasMessageContaining("unknown key 'color'");
    }

    @Test
    void escapeKeys() {
        assertThat(ConsoleCmd.escapeByte("^]")).isEqualTo(0x1d);
        assertThat(ConsoleCmd.escapeByte("ctrl-a")).isEqualTo(0x01);
        assertThat(ConsoleCmd.escapeByte("none")).isEqualTo(-1);
        assertThatThrownBy(() -> ConsoleCmd.escapeByte("q")).isInstanceOf(CliException.class);
    }

    @Test
    void exitCodesAreDistinct() {
        assertThat(java.util.Arrays.stream(Exit.values()).map(Exit::code).distinct())
                .hasSize(Exit.values().length);
    }
}
