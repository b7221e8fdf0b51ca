package dev.mvirt.api.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class RequestBodyTest {
    private static ByteArrayInputStream bytes(int n) {
        return new ByteArrayInputStream(new byte[n]);
    }

    @Test
    void aBodyWithinTheLimitIsReadWhetherItsLengthIsDeclaredOrNot() throws IOException {
        assertThat(RequestBody.read(bytes(100), 100, 100, 1000)).hasSize(100);
        assertThat(RequestBody.read(bytes(100), -1, 100, 1000)).hasSize(100);
        assertThat(RequestBody.read(bytes(0), 0, 100, 1000)).isEmpty();
    }

    @Test
    void aBodyShorterThanDeclaredIsAnError() {
        assertThatThrownBy(() -> RequestBody.read(bytes(10), 20, 100, 1000))
                .isInstanceOf(IOException.class)
                .isNotInstanceOf(RequestBody.TooLarge.class)
                .hasMessageContaining("10 of 20");
    }

    @Test
    void anOversizedBodyIsReadToItsEndBeforeItIsRefused() {
        for (long declared : new long[] {150, -1}) {
            ByteArrayInputStream in = bytes(150);
            assertThat(refused(in, declared, 1000).drained).isTrue();
            assertThat(in.available()).isZero();
        }
        assertThat(refused(bytes(150), 150, 150).drained).isTrue();
    }

    @Test
    void aBodyPastTheDrainBoundIsRefusedWithoutReadingItAll() {
        for (long declared : new long[] {100_000, -1}) {
            ByteArrayInputStream in = bytes(100_000);
            assertThat(refused(in, declared, 1000).drained).isFalse();
            assertThat(in.available()).isGreaterThan(90_000);
        }
    }

    /** The refusal of {@code in} under a 100-byte limit, {@code drain} bytes read past it at most. */
    private static RequestBody.TooLarge refused(ByteArrayInputStream in, long declared, long drain) {
        try {
            RequestBody.read(in, declared, 100, drain);
        } catch (RequestBody.TooLarge e) {
            return e;
        } catch (IOException e) {
            throw new AssertionError("not refused as too large", e);
        }
        throw new AssertionError("a body past the limit was read");
    }
}
