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
            assertThatThrownBy(() -> RequestBody.read(in, declared, 100, 1000))
                    .isInstanceOfSatisfying(
                            RequestBody.TooLarge.class,
                            e -> assertThat(e.drained).isTrue());
            assertThat(in.available()).isZero();
        }
        ByteArrayInputStream exact = bytes(150);
        assertThatThrownBy(() -> RequestBody.read(exact, 150, 100, 150))
                .isInstanceOfSatisfying(
                        RequestBody.TooLarge.class, e -> assertThat(e.drained).isTrue());
    }

    @Test
    void aBodyPastTheDrainBoundIsRefusedWithoutReadingItAll() {
        for (long declared : new long[] {100_000, -1}) {
            ByteArrayInputStream in = bytes(100_000);
            assertThatThrownBy(() -> RequestBody.read(in, declared, 100, 1000))
                    .isInstanceOfSatisfying(
                            RequestBody.TooLarge.class,
                            e -> assertThat(e.drained).isFalse());
            assertThat(in.available()).isGreaterThan(90_000);
        }
    }
}
