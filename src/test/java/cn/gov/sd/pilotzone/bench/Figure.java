package cn.gov.sd.pilotzone.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * One measured figure: the value of each run and their median, with the target of issue 6 where it has one.
 *
 * @param target null for a figure without a target (the raw side of a ratio, a rate given for context)
 */
record Figure(String title, String unit, List<Double> runs, Target target) {

    /** A bound the median must meet: at least (rates, ratios) or at most (latency, memory). */
    record Target(double bound, boolean atLeast) {
        boolean met(double value) {
            return atLeast ? value >= bound : value <= bound;
        }

        @Override
        public String toString() {
            return (atLeast ? "≥ " : "≤ ") + Report.number(bound);
        }
    }

    static Target atLeast(double bound) {
        return new Target(bound, true);
    }

    static Target atMost(double bound) {
        return new Target(bound, false);
    }

    Figure {
        runs = List.copyOf(runs);
    }

    double median() {
        return median(runs);
    }

    /** "met", "missed", or "" without a target. */
    String verdict() {
        return target == null ? "" : target.met(median()) ? "met" : "MISSED";
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** The nearest-rank percentile (p in 0..100) of unsorted values. */
    static double percentile(List<Double> values, double p) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
