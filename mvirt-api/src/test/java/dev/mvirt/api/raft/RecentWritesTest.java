package dev.mvirt.api.raft;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mvirt.api.codec.ForwardCodec.Placed;
import dev.mvirt.api.codec.WriteId;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RecentWritesTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void aWriteIsFoundUntilItsTimeRunsOut() {
        RecentWrites r = new RecentWrites(Duration.ofSeconds(20));
        WriteId a = new WriteId(1, 2, 3);
        WriteId b = new WriteId(1, 2, 4);
        r.applied(a, new Placed(10, 0), 0);
        r.applied(b, new Placed(11, 1), 15 * SECOND);
        assertThat(r.find(a)).isEqualTo(new Placed(10, 0));
        assertThat(r.find(new WriteId(1, 2, 5))).isNull();
        r.applied(new WriteId(9, 9, 1), new Placed(12, 0), 21 * SECOND);
        assertThat(r.find(a)).isNull();
        assertThat(r.find(b)).isEqualTo(new Placed(11, 1));
        assertThat(r.size()).isEqualTo(2);
    }

    @Test
    void aWriteAppliedAgainIsKeptFromItsLastTime() {
        RecentWrites r = new RecentWrites(Duration.ofSeconds(20));
        WriteId a = new WriteId(1, 2, 3);
        r.applied(a, new Placed(10, 0), 0);
        r.applied(a, new Placed(12, 0), 10 * SECOND);
        r.applied(new WriteId(5, 5, 5), new Placed(13, 0), 25 * SECOND);
        assertThat(r.find(a)).isEqualTo(new Placed(12, 0));
    }
}
