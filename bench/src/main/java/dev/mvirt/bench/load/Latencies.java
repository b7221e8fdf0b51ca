package dev.mvirt.bench.load;

import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** A thread-safe latency recorder (HdrHistogram, 1 µs to 120 s, 3 digits) with an error counter. */
final class Latencies {
    private final Recorder recorder = new Recorder(120_000_000L, 3);
    private final AtomicLong errors = new AtomicLong();

    void ok(long micros) {
        recorder.recordValue(Math.max(1, Math.min(micros, 120_000_000L)));
    }

    void error() {
        errors.incrementAndGet();
    }

    /** Everything recorded since the last call, and the error count since the last call. */
    Snapshot take() {
        return new Snapshot(recorder.getIntervalHistogram(), errors.getAndSet(0));
    }

    record Snapshot(Histogram histogram, long errors) {
        RunResult result(String workload, String system, double seconds, double cpu) {
            long n = histogram.getTotalCount();
            return new RunResult(
                    workload,
                    system,
                    n,
                    errors,
                    seconds,
                    ms(histogram.getValueAtPercentile(50)),
                    ms(histogram.getValueAtPercentile(99)),
                    ms(histogram.getValueAtPercentile(99.9)),
                    n == 0 ? 0 : cpu / n);
        }

        private static double ms(long micros) {
            return micros / 1000.0;
        }
    }
}
