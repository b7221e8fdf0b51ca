package dev.mvirt.bench.load;

/**
 * What one measured run gave: successful operations per second, latency percentiles in milliseconds, errors, and
 * server CPU seconds per successful operation.
 */
public record RunResult(
        String workload,
        String system,
        long ops,
        long errors,
        double seconds,
        double p50,
        double p99,
        double p999,
        double cpuPerOp) {

    /** Operations per second. */
    public double rate() {
        return seconds <= 0 ? 0 : ops / seconds;
    }
}
