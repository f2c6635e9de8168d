package cn.gov.sd.pilotzone.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The machine the figures come from, and the hub process's memory. Linux only ({@code /proc}); elsewhere the
 * memory figures are missing and the report says so.
 */
final class Machine {

    private Machine() {
    }

    static Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("cpu", firstValue(Path.of("/proc/cpuinfo"), "model name").orElse("?"));
        m.put("memoryMb", firstValue(Path.of("/proc/meminfo"), "MemTotal").map(Machine::kb).map(kb -> kb / 1024)
                .orElse(-1L));
        m.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("maxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        m.put("jvmArgs", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        m.put("loadAverageAtStart", loadAverage());
        return m;
    }

    /** 1, 5 and 15-minute load averages: other builds on a shared machine make every figure noisier. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "?";
        }
    }

    /** Peak resident set size (VmHWM) of a process in MB since it started; -1 if unknown. */
    static long peakRssMb(long pid) {
        return firstValue(status(pid), "VmHWM").map(Machine::kb).map(kb -> kb / 1024).orElse(-1L);
    }

    static long rssMb(long pid) {
        return firstValue(status(pid), "VmRSS").map(Machine::kb).map(kb -> kb / 1024).orElse(-1L);
    }

    /**
     * CPU time (user + system) a process has used so far, in ms, from {@code /proc/<pid>/stat} (clock ticks of
     * 10 ms); -1 if unknown. Unlike wall time it does not depend on what else the machine runs.
     */
    static long cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // fields after the command name, which may hold spaces, in parentheses: utime and stime are 14 and 15
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static Path status(long pid) {
        return Path.of("/proc", Long.toString(pid), "status");
    }

    /**
     * A process's own account of its memory (it runs with {@code -XX:NativeMemoryTracking=summary}): committed MB
     * by category ("Java Heap", "Class", "Thread", "GC", "Code", …) and "Total", from {@code jcmd}; empty if jcmd
     * fails. Explains an RSS figure: heap, metaspace and the JVM's native rest.
     */
    static Optional<Map<String, Long>> nativeMemory(long pid) {
        try {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(pid), "VM.native_memory", "summary", "scale=MB").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return Optional.empty();
            }
            Map<String, Long> committed = new LinkedHashMap<>();
            Matcher total = NMT_TOTAL.matcher(out);
            if (!total.find()) {
                return Optional.empty();
            }
            committed.put("Total", Long.parseLong(total.group(1)));
            Matcher category = NMT_CATEGORY.matcher(out);
            while (category.find()) {
                committed.put(category.group(1).strip(), Long.parseLong(category.group(2)));
            }
            Matcher metaspace = NMT_METASPACE.matcher(out);
            if (metaspace.find()) {
                committed.put("Metaspace", Long.parseLong(metaspace.group(1)));
            }
            return Optional.of(committed);
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static final Pattern NMT_TOTAL = Pattern.compile("Total: reserved=\\d+MB, committed=(\\d+)MB");
    private static final Pattern NMT_CATEGORY = Pattern.compile("-\\s+([A-Za-z][A-Za-z ]*?) \\(reserved=\\d+MB, committed=(\\d+)MB\\)");
    /** The "Metadata" part of the Class category: the metaspace proper, without the class space. */
    private static final Pattern NMT_METASPACE = Pattern.compile("Metadata:\\s*\\)\\s*\\(\\s*reserved=\\d+MB, committed=(\\d+)MB");

    private static Optional<String> firstValue(Path file, String key) {
        try {
            return Files.readAllLines(file).stream().filter(l -> l.startsWith(key)).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).strip());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static long kb(String value) {
        return Long.parseLong(value.replace("kB", "").strip());
    }
}
