package org.studioresidency.e2e.load;

import org.studioresidency.local.LocalStack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each service's resident memory as the operating system counts it (not the Java heap): {@code VmRSS}, what the
 * process holds now, and {@code VmHWM}, the most it has held since it started, from {@code /proc/<pid>/status}.
 * A background sampler also keeps the highest RSS seen within each phase of a run.
 */
final class ResidentMemory implements AutoCloseable {

    record Reading(String phase, String service, long rssMb, long peakSinceStartMb, long phaseMaxMb) {
        String row() {
            return String.format("| %s | %s | %d | %d | %d |", phase, service, rssMb, phaseMaxMb, peakSinceStartMb);
        }
    }

    private final LocalStack stack;
    private final Map<String, Long> phaseMax = new LinkedHashMap<>();
    private final List<Reading> readings = new ArrayList<>();
    private final java.util.concurrent.ScheduledExecutorService sampler = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
            task -> Thread.ofPlatform().daemon().name("rss-sampler").unstarted(task));

    ResidentMemory(LocalStack stack) {
        this.stack = stack;
        sampler.scheduleAtFixedRate(this::sample, 0, 250, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** Records each service's RSS now, its peak since start, and the highest sampled in the phase just ended. */
    synchronized void phase(String name) {
        for (String service : LocalStack.SERVICES) {
            Map<String, Long> status = status(stack.pid(service));
            long rss = status.getOrDefault("VmRSS", -1L);
            long max = Math.max(rss, phaseMax.getOrDefault(service, -1L));
            readings.add(new Reading(name, service, rss / 1024, status.getOrDefault("VmHWM", -1L) / 1024, max / 1024));
        }
        phaseMax.clear();
        if (Boolean.getBoolean("load.nmt")) {
            LocalStack.SERVICES.forEach(service -> System.out.printf("NMT %s, %s: %s%n", name, service, nativeMemory(stack.pid(service))));
        }
    }

    /**
     * For an experiment with {@code -XX:NativeMemoryTracking=summary} in the services' JVM options: what the JVM says
     * each part of it has committed, in MB ({@code jcmd <pid> VM.native_memory summary}).
     */
    private static String nativeMemory(long pid) {
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), String.valueOf(pid),
                    "VM.native_memory", "summary", "scale=MB").redirectErrorStream(true).start();
            String out = new String(jcmd.getInputStream().readAllBytes());
            jcmd.waitFor();
            java.util.regex.Matcher m = java.util.regex.Pattern
                    .compile("(?m)^(?:-\\s+)?([A-Za-z][A-Za-z ]*?)\\s*\\(reserved=\\d+MB, committed=(\\d+)MB\\)").matcher(out);
            StringBuilder parts = new StringBuilder();
            while (m.find()) {
                if (!m.group(2).equals("0")) {
                    parts.append(m.group(1).trim()).append('=').append(m.group(2)).append(' ');
                }
            }
            return parts.isEmpty() ? out.lines().limit(3).toList().toString() : parts.toString().trim();
        } catch (IOException e) {
            return "jcmd failed: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    List<Reading> readings() {
        return List.copyOf(readings);
    }

    static String header() {
        return "| after | service | RSS MB | highest RSS sampled in the phase MB | peak since start (VmHWM) MB |\n"
                + "| --- | --- | --- | --- | --- |";
    }

    private synchronized void sample() {
        for (String service : LocalStack.SERVICES) {
            try {
                long rss = status(stack.pid(service)).getOrDefault("VmRSS", -1L);
                phaseMax.merge(service, rss, Math::max);
            } catch (RuntimeException e) {
                // a service being restarted; the next sample finds it
            }
        }
    }

    /** The kB figures of /proc/<pid>/status. */
    private static Map<String, Long> status(long pid) {
        Map<String, Long> values = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                String[] parts = line.split(":\\s+");
                if (parts.length == 2 && parts[1].endsWith(" kB")) {
                    values.put(parts[0], Long.parseLong(parts[1].substring(0, parts[1].length() - 3).trim()));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the memory of process " + pid, e);
        }
        return values;
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
