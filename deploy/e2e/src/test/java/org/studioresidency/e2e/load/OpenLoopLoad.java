package org.studioresidency.e2e.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Sends requests at a fixed rate whatever the responses do (open loop), so slow responses show up as latency
 * instead of silently lowering the rate, and reports throughput and latency percentiles. Bounded in count and time,
 * and only ever aimed at loopback addresses.
 */
public final class OpenLoopLoad {

    /** One step of a run: the rate asked for and what came back. */
    public record Result(String name, int requestedPerSecond, int sent, int ok, int failed, double achievedPerSecond,
                         double p50Millis, double p99Millis, double maxMillis) {

        public String row() {
            return String.format("| %s | %d | %d | %.0f | %.1f | %.1f | %.1f | %d |", name, requestedPerSecond, sent,
                    achievedPerSecond, p50Millis, p99Millis, maxMillis, failed);
        }

        public static String header() {
            return "| endpoint | asked req/s | sent | answered req/s | p50 ms | p99 ms | max ms | errors |\n"
                    + "| --- | --- | --- | --- | --- | --- | --- | --- |";
        }
    }

    private final HttpClient client = HttpClient.newBuilder()
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * @param request builds the i-th request; its URI must be on loopback
     */
    public Result run(String name, int perSecond, Duration duration, IntFunction<HttpRequest> request) {
        int total = (int) Math.max(1, perSecond * duration.toMillis() / 1000);
        long intervalNanos = 1_000_000_000L / perSecond;
        long[] latencies = new long[total];
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<CompletableFuture<Void>> inFlight = new ArrayList<>(total);
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
            HttpRequest r = request.apply(i);
            requireLoopback(r.uri());
            int index = i;
            long sentAt = System.nanoTime();
            inFlight.add(client.sendAsync(r, HttpResponse.BodyHandlers.discarding())
                    .orTimeout(30, java.util.concurrent.TimeUnit.SECONDS)
                    .handle((response, error) -> {
                        // Latency counts from when the request was due, so queueing in the client is included.
                        latencies[index] = System.nanoTime() - Math.min(due, sentAt);
                        if (error == null && response.statusCode() < 400) {
                            ok.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                        }
                        return null;
                    }));
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        return new Result(name, perSecond, total, ok.get(), failed.get(), ok.get() / seconds,
                percentile(sorted, 0.50), percentile(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
    }

    private static double percentile(long[] sorted, double p) {
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static void requireLoopback(URI uri) {
        String host = uri.getHost();
        if (!("127.0.0.1".equals(host) || "localhost".equals(host) || "[::1]".equals(host))) {
            throw new IllegalArgumentException("Load runs only against this machine's loopback, not " + host);
        }
    }

    public static HttpRequest get(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).GET().build();
    }
}
