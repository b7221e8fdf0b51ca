package dev.mvirt.bench.load;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** Prints results side by side with the first system / second system ratio of each figure. */
public final class Table {
    private Table() {}

    /** The figures a ratio is printed for, in column order: ops/s, p50, p99, p99.9, CPU per op. */
    private static final List<ToDoubleFunction<RunResult>> FIGURES =
            List.of(RunResult::rate, RunResult::p50, RunResult::p99, RunResult::p999, RunResult::cpuPerOp);

    /** The header lines for systems {@code names} (the ratio column compares the first two). */
    public static String header(List<String> names) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-22s", "workload"));
        names.forEach(n -> b.append(String.format(Locale.ROOT, " | %-53s", n)));
        if (names.size() == 2) {
            b.append(" | ratio ").append(names.get(0)).append('/').append(names.get(1));
        }
        b.append(String.format(Locale.ROOT, "%n%-22s", ""));
        names.forEach(n -> b.append(" | ").append(COLS));
        if (names.size() == 2) {
            b.append(" |  ops/s    p50    p99  p99.9 cpu/op");
        }
        return b.toString();
    }

    /** One row: every system ran the same workload (in header order). */
    public static String row(List<RunResult> rs) {
        StringBuilder b = new StringBuilder(
                String.format(Locale.ROOT, "%-22s", rs.getFirst().workload()));
        rs.forEach(r -> b.append(" | ").append(figures(r)));
        if (rs.size() == 2) {
            b.append(" |");
            FIGURES.forEach(f -> b.append(String.format(
                    Locale.ROOT, " %6.2f", ratio(f.applyAsDouble(rs.get(0)), f.applyAsDouble(rs.get(1))))));
        }
        return b.toString();
    }

    /**
     * What several runs of one workload gave ({@code runs}: one list per repeat, systems in header order): a row of
     * each system's median figures with the median of the repeats' own ratios, and, for two systems, a line with each
     * ratio's range and how many repeats had the first system's p99 at or below the second's.
     */
    public static String summary(List<List<RunResult>> runs) {
        int n = runs.size();
        List<RunResult> first = runs.getFirst();
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-22s", "  median of " + n));
        for (int i = 0; i < first.size(); i++) {
            int k = i;
            List<RunResult> one = runs.stream().map(r -> r.get(k)).toList();
            b.append(" | ").append(figures(medians(one)));
        }
        if (first.size() != 2) {
            return b.toString();
        }
        StringBuilder range = new StringBuilder(String.format(Locale.ROOT, "%-22s |", "  ratio range"));
        b.append(" |");
        for (ToDoubleFunction<RunResult> f : FIGURES) {
            List<Double> ratios = runs.stream()
                    .map(r -> ratio(f.applyAsDouble(r.get(0)), f.applyAsDouble(r.get(1))))
                    .toList();
            b.append(String.format(Locale.ROOT, " %6.2f", median(ratios)));
            range.append(String.format(Locale.ROOT, " %.2f-%.2f", min(ratios), max(ratios)));
        }
        long p99AtMost =
                runs.stream().filter(r -> r.get(0).p99() <= r.get(1).p99()).count();
        range.append(String.format(
                Locale.ROOT,
                " (ops/s p50 p99 p99.9 cpu/op); %s p99 <= %s's in %d of %d",
                first.get(0).system(),
                first.get(1).system(),
                p99AtMost,
                n));
        return b.append(System.lineSeparator()).append(range).toString();
    }

    /** One system's runs as one result of their median figures (rate as ops over one second; errors summed). */
    static RunResult medians(List<RunResult> runs) {
        RunResult r = runs.getFirst();
        return new RunResult(
                r.workload(),
                r.system(),
                Math.round(median(runs, RunResult::rate)),
                runs.stream().mapToLong(RunResult::errors).sum(),
                1,
                median(runs, RunResult::p50),
                median(runs, RunResult::p99),
                median(runs, RunResult::p999),
                median(runs, RunResult::cpuPerOp));
    }

    private static double median(List<RunResult> runs, ToDoubleFunction<RunResult> f) {
        return median(runs.stream().map(f::applyAsDouble).toList());
    }

    /** Failover windows (ms) of each system for one fault: median, max, and every trial. */
    public static String failover(String fault, java.util.Map<String, List<Double>> windows) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-10s", fault));
        windows.forEach((name, w) -> b.append(String.format(
                Locale.ROOT,
                " | %s median %6.0f ms max %6.0f ms %s",
                name,
                median(w),
                max(w),
                w.stream().map(Math::round).toList())));
        return b.toString();
    }

    static double median(List<Double> xs) {
        if (xs.isEmpty()) {
            return Double.NaN;
        }
        List<Double> s = xs.stream().sorted().toList();
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    static double min(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    static double max(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    private static final String COLS = "   ops/s    p50ms    p99ms  p99.9ms  cpu-ms/op errors";

    private static String figures(RunResult r) {
        return String.format(
                Locale.ROOT,
                "%8.0f %8.2f %8.2f %8.2f %10.3f %6d",
                r.rate(),
                r.p50(),
                r.p99(),
                r.p999(),
                r.cpuPerOp() * 1000,
                Math.min(999_999, r.errors()));
    }

    private static double ratio(double a, double b) {
        return b == 0 ? Double.NaN : a / b;
    }
}
