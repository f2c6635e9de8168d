package cn.gov.sd.pilotzone.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code src/test/resources/security/authorization-matrix.txt}: one row per call (method, path with
 * {@code {placeholders}}, body, mark) and one expected answer per caller. The file's last comment line before the
 * rows names the columns; callers are the columns after MARK.
 */
record AuthorizationMatrix(List<String> callers, List<Row> rows) {

    static final String RESOURCE = "/security/authorization-matrix.txt";

    /** The answers a cell may name; see the file's header for what each means. */
    static final Set<String> ANSWERS = Set.of("ok", "own", "go", "bad", "busy", "open", "deny", "401", "login");

    record Row(int line, String method, String path, String body, String mark, Map<String, String> expected) {

        /** The API (HTTP Basic, JSON) or a page (form-login session, CSRF token on POST). */
        boolean api() {
            return path.startsWith("/api/") || path.startsWith("/actuator") || flowableRest();
        }

        /** Flowable's own servlets, which MockMvc cannot reach. */
        boolean flowableRest() {
            return path.startsWith("/process-api/") || path.startsWith("/external-job-api/");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static AuthorizationMatrix load() {
        try (InputStream in = AuthorizationMatrix.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AuthorizationMatrix parse(List<String> lines) {
        List<String> callers = null;
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("# METHOD")) {
                List<String> header = Arrays.asList(line.substring(1).strip().split("\\s+"));
                callers = List.copyOf(header.subList(header.indexOf("MARK") + 1, header.size()));
                continue;
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (callers == null) {
                throw new IllegalStateException(RESOURCE + ":" + (i + 1) + ": a row before the header line");
            }
            String[] cells = line.split("\\s+");
            if (cells.length != 4 + callers.size()) {
                throw new IllegalStateException(RESOURCE + ":" + (i + 1) + ": " + cells.length + " cells, expected "
                        + (4 + callers.size()));
            }
            Map<String, String> expected = new LinkedHashMap<>();
            for (int c = 0; c < callers.size(); c++) {
                String answer = cells[4 + c];
                if (!ANSWERS.contains(answer)) {
                    throw new IllegalStateException(RESOURCE + ":" + (i + 1) + ": unknown answer " + answer);
                }
                expected.put(callers.get(c), answer);
            }
            String mark = "-".equals(cells[3]) ? null : cells[3];
            if (expected.containsValue("own") && mark == null) {
                throw new IllegalStateException(RESOURCE + ":" + (i + 1) + ": 'own' needs a MARK to look for");
            }
            rows.add(new Row(i + 1, cells[0], cells[1], "-".equals(cells[2]) ? null : cells[2], mark, expected));
        }
        if (callers == null || rows.isEmpty()) {
            throw new IllegalStateException(RESOURCE + " has no header or no rows");
        }
        return new AuthorizationMatrix(callers, rows);
    }
}
