package cn.gov.sd.pilotzone.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The machine the figures come from, and this JVM's resident memory. Linux only ({@code /proc}); elsewhere the
 * memory figures are missing and the report says so.
 */
final class Machine {

    private static final Path STATUS = Path.of("/proc/self/status");

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
        m.put("jvmArgs", String.join(" ", java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()));
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

    /** Peak resident set size (VmHWM) in MB since start or since the last {@link #resetPeak()}; -1 if unknown. */
    static long peakRssMb() {
        return firstValue(STATUS, "VmHWM").map(Machine::kb).map(kb -> kb / 1024).orElse(-1L);
    }

    static long rssMb() {
        return firstValue(STATUS, "VmRSS").map(Machine::kb).map(kb -> kb / 1024).orElse(-1L);
    }

    /** Resets VmHWM to the current RSS (Linux: writing "5" to clear_refs), so each database gets its own peak. */
    static boolean resetPeak() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The JVM's own account of its native memory (heap, metaspace, code, threads, GC, …) when it runs with
     * {@code -XX:NativeMemoryTracking=summary} ({@code -Dbench.jvmArgs=…}); empty otherwise. Explains an RSS figure.
     */
    static Optional<String> nativeMemory() {
        try {
            Object out = java.lang.management.ManagementFactory.getPlatformMBeanServer().invoke(
                    new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "vmNativeMemory",
                    new Object[] {new String[] {"summary", "scale=MB"}}, new String[] {String[].class.getName()});
            String text = String.valueOf(out);
            return text.contains("not enabled") ? Optional.empty() : Optional.of(text);
        } catch (Exception e) {
            return Optional.empty();
        }
    }

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
