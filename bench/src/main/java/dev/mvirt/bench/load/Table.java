package dev.mvirt.bench.load;

import java.util.List;
import java.util.Locale;

/** Prints results side by side with the first system / second system ratio of each figure. */
public final class Table {
    private Table() {}

    /** The header line. */
    public static String header(String a, String b) {
        return String.format(
                Locale.ROOT,
                "%-22s | %-44s | %-44s | %s%n%-22s | %-44s | %-44s | %s",
                "workload",
                a,
                b,
                "ratio " + a + "/" + b,
                "",
                cols(),
                cols(),
                "ops/s   p50    p99  p99.9  cpu/op");
    }

    /** One row: {@code a} and {@code b} ran the same workload. */
    public static String row(RunResult a, RunResult b) {
        return String.format(
                Locale.ROOT,
                "%-22s | %s | %s | %5.2f %6.2f %6.2f %6.2f %6.2f",
                a.workload(),
                figures(a),
                figures(b),
                ratio(a.rate(), b.rate()),
                ratio(a.p50(), b.p50()),
                ratio(a.p99(), b.p99()),
                ratio(a.p999(), b.p999()),
                ratio(a.cpuPerOp(), b.cpuPerOp()));
    }

    /** Failover windows of both systems for one fault. */
    public static String failover(String fault, String a, List<Double> wa, String b, List<Double> wb) {
        return String.format(
                Locale.ROOT,
                "%-10s %s median %7.0f ms max %7.0f ms | %s median %7.0f ms max %7.0f ms | ratio of medians %.2f",
                fault,
                a,
                median(wa),
                max(wa),
                b,
                median(wb),
                max(wb),
                ratio(median(wa), median(wb)));
    }

    static double median(List<Double> xs) {
        if (xs.isEmpty()) {
            return Double.NaN;
        }
        List<Double> s = xs.stream().sorted().toList();
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    static double max(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    private static String cols() {
        return "   ops/s    p50ms    p99ms  p99.9ms  cpu-ms/op err";
    }

    private static String figures(RunResult r) {
        return String.format(
                Locale.ROOT,
                "%8.0f %8.2f %8.2f %8.2f %10.3f %3d",
                r.rate(),
                r.p50(),
                r.p99(),
                r.p999(),
                r.cpuPerOp() * 1000,
                Math.min(999, r.errors()));
    }

    private static double ratio(double a, double b) {
        return b == 0 ? Double.NaN : a / b;
    }
}
