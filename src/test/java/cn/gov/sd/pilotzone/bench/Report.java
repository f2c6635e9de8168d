package cn.gov.sd.pilotzone.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * {@code target/bench/report.md} and {@code report.json}: the machine, and per database its figures (median of
 * the runs, every run, target, met or missed). Rewritten after each figure, so a run that dies half-way still
 * leaves what it measured.
 */
final class Report {

    /** One database's part of the report. */
    static final class Section {
        final String database;
        final String driver;
        final List<Figure> figures = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        String skipped;
        boolean complete;

        Section(String database, String driver) {
            this.database = database;
            this.driver = driver;
        }
    }

    private final Path dir;
    private final Map<String, Object> machine;
    private final BenchSettings settings;
    private final Instant started = Instant.now();
    private final List<Section> sections = new ArrayList<>();

    Report(Path dir, Map<String, Object> machine, BenchSettings settings) {
        this.dir = dir;
        this.machine = machine;
        this.settings = settings;
    }

    Section section(String database, String driver) {
        Section s = new Section(database, driver);
        sections.add(s);
        return s;
    }

    List<Section> sections() {
        return sections;
    }

    void write() {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("report.md"), markdown());
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(dir.resolve("report.json").toFile(), json());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String markdown() {
        StringBuilder md = new StringBuilder("# Pilot Zone Hub benchmark\n\n");
        md.append("Started ").append(started).append(". Each figure: median of ").append(settings.runs())
                .append(" runs (all runs listed), after warm-up runs of the same figure, not counted (in the notes): ")
                .append(settings.warmups(1)).append(" of figures 1–2, ").append(settings.warmups(3))
                .append(" of the others.\n\n");
        md.append("| machine | |\n|---|---|\n");
        machine.forEach((k, v) -> md.append("| ").append(k).append(" | `").append(v).append("` |\n"));
        md.append("| settings | `").append(settings).append("` |\n");
        for (Section s : sections) {
            md.append("\n## ").append(s.database).append("\n\n").append("Driver: ").append(s.driver).append("\n\n");
            if (s.skipped != null) {
                md.append("**Skipped:** ").append(s.skipped).append("\n");
                continue;
            }
            md.append("| figure | median | runs | target | |\n|---|---|---|---|---|\n");
            for (Figure f : s.figures) {
                md.append("| ").append(f.title()).append(" | **").append(number(f.median())).append("** ")
                        .append(f.unit()).append(" | ")
                        .append(f.runs().stream().map(Report::number).collect(Collectors.joining(", ")))
                        .append(" | ").append(f.target() == null ? "" : f.target() + " " + f.unit())
                        .append(" | ").append(f.verdict()).append(" |\n");
            }
            if (!s.notes.isEmpty()) {
                md.append('\n');
                s.notes.forEach(n -> md.append("- ").append(n).append('\n'));
            }
            if (!s.complete) {
                md.append("\n*Incomplete: the run is still going, or it ended before this database was done.*\n");
            }
        }
        return md.toString();
    }

    private Map<String, Object> json() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("started", started.toString());
        root.put("machine", machine);
        root.put("settings", settings);
        List<Map<String, Object>> dbs = new ArrayList<>();
        for (Section s : sections) {
            Map<String, Object> db = new LinkedHashMap<>();
            db.put("database", s.database);
            db.put("driver", s.driver);
            if (s.skipped != null) {
                db.put("skipped", s.skipped);
            }
            db.put("complete", s.complete);
            List<Map<String, Object>> figures = new ArrayList<>();
            for (Figure f : s.figures) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("figure", f.title());
                m.put("unit", f.unit());
                m.put("median", round(f.median()));
                m.put("runs", f.runs().stream().map(Report::round).toList());
                if (f.target() != null) {
                    m.put("target", (f.target().atLeast() ? ">= " : "<= ") + f.target().bound());
                    m.put("met", f.target().met(f.median()));
                }
                figures.add(m);
            }
            db.put("figures", figures);
            db.put("notes", s.notes);
            dbs.add(db);
        }
        root.put("databases", dbs);
        return root;
    }

    /** A run's result for the notes: a record's components with its figures as the tables show them. */
    static String brief(Object result) {
        if (!(result instanceof Record)) {
            return String.valueOf(result);
        }
        StringJoiner parts = new StringJoiner(", ");
        for (RecordComponent c : result.getClass().getRecordComponents()) {
            try {
                Object v = c.getAccessor().invoke(result);
                parts.add(c.getName() + " " + text(v));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return parts.toString();
    }

    /** A value as the tables show it: numbers rounded, and so are the numbers of a map (CPU ms per side). */
    static String text(Object v) {
        if (v instanceof Double d) {
            return number(d);
        }
        if (v instanceof Map<?, ?> m) {
            StringJoiner entries = new StringJoiner(", ", "{", "}");
            m.forEach((k, e) -> entries.add(k + "=" + text(e)));
            return entries.toString();
        }
        return String.valueOf(v);
    }

    static String number(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        double a = Math.abs(v);
        return String.format(Locale.ROOT, a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : "%.2f", v);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
