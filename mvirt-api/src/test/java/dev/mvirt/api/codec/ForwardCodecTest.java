package dev.mvirt.api.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mvirt.api.codec.ForwardCodec.Placed;
import dev.mvirt.api.codec.ForwardCodec.Reply;
import dev.mvirt.api.codec.ForwardCodec.Write;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForwardCodecTest {

    @Test
    void writesAndRepliesRoundTrip() {
        List<Write> writes = List.of(
                new Write(new WriteId(1, -2, 3), new byte[] {1, 2}), new Write(new WriteId(1, -2, 4), new byte[0]));
        List<Write> back = ForwardCodec.decode(ForwardCodec.encode(writes));
        assertThat(back).extracting(Write::id).containsExactly(new WriteId(1, -2, 3), new WriteId(1, -2, 4));
        assertThat(back.get(0).entry()).containsExactly(1, 2);
        Reply placed = new Reply("", List.of(new Placed(7, 0), new Placed(9, 127)));
        assertThat(ForwardCodec.decodeReply(ForwardCodec.encode(placed))).isEqualTo(placed);
        assertThat(ForwardCodec.decodeReply(ForwardCodec.encode(Reply.retry("not leader"))))
                .isEqualTo(new Reply("not leader", List.of()));
        assertThat(Reply.retry("").retry()).isEqualTo("refused");
    }

    @Test
    void bytesThatAreNotAForwardAreRefusedWithTheReason() {
        assertThatThrownBy(() -> ForwardCodec.decode(new byte[0]))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("0 ids for 0 writes");
        assertThatThrownBy(() -> ForwardCodec.decode("12345".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("forward");
        assertThatThrownBy(() -> ForwardCodec.decodeReply("12345".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("forward reply");
    }
}
