package cn.gov.sd.pilotzone.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a benchmark run measures, from system properties ({@code mvn -Pbench verify -Dbench.runs=3 -Dbench.n=2000
 * -Dbench.db=h2,mariadb}). Defaults are the figures of issues 6 and 13.
 *
 * @param runs           runs of each figure; the report gives their median and lists them all
 * @param warmups        runs of figures 3–7 before those, not counted ({@code bench.warmups}, default 1): the hub
 *                       is a server that runs for weeks, and a fresh JVM spends its first minutes compiling (JFR:
 *                       the JIT's threads busy for as long as the hub ran); the report lists them as notes
 * @param engineWarmups  the same for figures 1 and 2 ({@code bench.engineWarmups}, default 10): the engine's paths
 *                       take that long to compile (README, fourteenth round: figure 2's CPU per task fell until the
 *                       ninth run); their instances are removed before figure 3, so figure 4 meets the same
 *                       database however many ran
 * @param applications   award applications per ingest run (files, and as many raw and baseline starts)
 * @param completions    applications driven through the three reviews per task-completion run and side
 * @param rows           rows of the operation-data file
 * @param openTasks      open tasks while read latency is measured
 * @param clerks         concurrent clerks asking for a page
 * @param requests       requests per clerk, page and run (default 100: with 25, a run lasted about a second and
 *                       its p95 hung on whether one slow moment, a collection or a recomputation, fell inside it)
 * @param year           finished applications of the year of data (0: figure 5 left out)
 * @param databases      h2, mariadb (one after the other, each with a fresh database and hub process)
 * @param figures        the figures measured ({@code bench.figures}, default all: 1,2,3,4,5,7; figure 6, memory,
 *                       always): a subset is for working on one cause, never for the figures a README reports;
 *                       2 drives the applications 1 leaves at county review, 5 copies applications 2 takes to
 *                       PAID and compares with 4: each brings in those it builds on
 */
record BenchSettings(int runs, int warmups, int engineWarmups, int applications, int completions, int rows,
                     int openTasks, int clerks, int requests, int year, List<String> databases, Set<Integer> figures) {

    static final Set<Integer> ALL = Set.of(1, 2, 3, 4, 5, 7);

    boolean measures(int figure) {
        boolean year = figures.contains(5) && this.year > 0;
        return figures.contains(figure) || figure == 1 && measures(2) || figure == 2 && year
                || figure == 4 && year;
    }

    /** The warm-up runs of a figure. */
    int warmups(int figure) {
        return figure <= 2 ? engineWarmups : warmups;
    }

    boolean partial() {
        return !figures.containsAll(ALL);
    }

    static BenchSettings fromSystemProperties() {
        int n = Integer.getInteger("bench.n", 2000);
        return new BenchSettings(Integer.getInteger("bench.runs", 3), Integer.getInteger("bench.warmups", 1),
                Integer.getInteger("bench.engineWarmups", 10), n,
                Integer.getInteger("bench.completions", Math.min(n, 200)),
                Integer.getInteger("bench.rows", 100_000), Integer.getInteger("bench.openTasks", 10_000),
                Integer.getInteger("bench.clerks", 20), Integer.getInteger("bench.requests", 100),
                Integer.getInteger("bench.year", 100_000),
                Arrays.stream(System.getProperty("bench.db", "h2,mariadb").split(",")).map(String::strip)
                        .filter(s -> !s.isEmpty()).toList(),
                Arrays.stream(System.getProperty("bench.figures", "1,2,3,4,5,7").split(",")).map(String::strip)
                        .filter(s -> !s.isEmpty()).map(Integer::valueOf).collect(Collectors.toSet()));
    }
}
