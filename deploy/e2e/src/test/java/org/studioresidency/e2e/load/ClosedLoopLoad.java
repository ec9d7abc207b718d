package org.studioresidency.e2e.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Saturation: a fixed number of connections, each sending its next request as soon as the previous answer has
 * arrived (closed loop), for a warm-up and then a fixed measured time. The answered rate is then what the service
 * can serve on this machine, and reads measured one after another in one run can be compared with each other.
 * Bounded in time, and only ever aimed at loopback addresses.
 */
final class ClosedLoopLoad {

    /** One read's measured window. */
    record Result(String name, int answered, int failed, double perSecond, double p50Millis, double p99Millis) {

        /** This read next to the reference measured just before it. */
        String row(Result reference) {
            return String.format("| %s | %,.0f | %.1f | %.1f | %,.0f | %.1f | %.0f%% | %d |", name, perSecond, p50Millis, p99Millis,
                    reference.perSecond, reference.p50Millis, 100 * perSecond / reference.perSecond, failed + reference.failed);
        }

        static String header() {
            return "| read | req/s | p50 ms | p99 ms | reference just before: req/s | its p50 ms | share of reference | errors |\n"
                    + "| --- | --- | --- | --- | --- | --- | --- | --- |";
        }
    }

    private final int connections;
    private final Duration warmUp;
    private final Duration measured;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newVirtualThreadPerTaskExecutor()).connectTimeout(Duration.ofSeconds(5)).build();

    ClosedLoopLoad(int connections, Duration warmUp, Duration measured) {
        this.connections = connections;
        this.warmUp = warmUp;
        this.measured = measured;
    }

    /** @param request builds the i-th request; its URI must be on loopback */
    Result run(String name, IntFunction<HttpRequest> request) {
        AtomicInteger sequence = new AtomicInteger();
        long start = System.nanoTime();
        long measureFrom = start + warmUp.toNanos();
        long end = measureFrom + measured.toNanos();
        List<Future<long[]>> loops = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < connections; c++) {
                loops.add(executor.submit(() -> loop(request, sequence, measureFrom, end)));
            }
        }
        List<Long> latencies = new ArrayList<>();
        int failed = 0;
        for (Future<long[]> loop : loops) {
            long[] samples = join(loop);
            for (long sample : samples) {
                if (sample < 0) {
                    failed++;
                } else {
                    latencies.add(sample);
                }
            }
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        double seconds = measured.toNanos() / 1e9;
        return new Result(name, sorted.length, failed, sorted.length / seconds, percentile(sorted, 0.50), percentile(sorted, 0.99));
    }

    /** Latencies in nanoseconds of the answers that arrived in the measured window; a failure counts as -1. */
    private long[] loop(IntFunction<HttpRequest> request, AtomicInteger sequence, long measureFrom, long end) {
        long[] samples = new long[1 << 16];
        int count = 0;
        while (System.nanoTime() < end) {
            HttpRequest r = request.apply(sequence.getAndIncrement());
            requireLoopback(r.uri());
            long sent = System.nanoTime();
            boolean ok;
            try {
                HttpResponse<Void> response = client.send(r, HttpResponse.BodyHandlers.discarding());
                ok = response.statusCode() < 400;
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                    break;
                }
                ok = false;
            }
            long answered = System.nanoTime();
            if (sent >= measureFrom && answered <= end) {
                if (count == samples.length) {
                    samples = java.util.Arrays.copyOf(samples, count * 2);
                }
                samples[count++] = ok ? answered - sent : -1;
            }
        }
        return java.util.Arrays.copyOf(samples, count);
    }

    private static long[] join(Future<long[]> loop) {
        try {
            return loop.get();
        } catch (Exception e) {
            throw new IllegalStateException("A load loop failed", e);
        }
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static void requireLoopback(URI uri) {
        String host = uri.getHost();
        if (!("127.0.0.1".equals(host) || "localhost".equals(host) || "[::1]".equals(host))) {
            throw new IllegalArgumentException("Load runs only against this machine's loopback, not " + host);
        }
    }
}
