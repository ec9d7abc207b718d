package org.studioresidency.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for a district's HR substitute system, speaking the protocol in deploy/HR-PROTOCOL.md: absence jobs
 * over REST with idempotency keys, filled after a delay at a configurable rate, reported back on callbacks signed
 * per Standard Webhooks. Its mode can be switched to down, error or slow to rehearse outages.
 */
public final class HrSandbox implements AutoCloseable {

    public enum Mode { NORMAL, DOWN, ERROR, SLOW }

    private static final String[] SUBSTITUTES = {"Jordan Blake", "Casey Morgan", "Riley Chen", "Avery Patel",
            "Quinn Okafor", "Harper Silva", "Rowan Nguyen", "Emerson Diaz"};

    private final HttpServer http;
    private final String apiKey;
    private final Webhook signer;
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(2);
    private final Map<String, ObjectNode> jobs = new ConcurrentHashMap<>();
    private final Map<String, String> jobByIdempotencyKey = new ConcurrentHashMap<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private final AtomicInteger callbacksDelivered = new AtomicInteger();
    private volatile String callbackUrl;
    private volatile Mode mode = Mode.NORMAL;
    private volatile double fillRate = 0.85;
    private volatile long fillDelayMillis = 3000;

    private HrSandbox(int port, String apiKey, String webhookSecret, String callbackUrl)
            throws IOException, com.standardwebhooks.exceptions.EmptyWebhookSecretException {
        this.apiKey = apiKey;
        this.signer = new Webhook(webhookSecret);
        this.callbackUrl = callbackUrl;
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        http.createContext("/absence-jobs", this::absenceJobs);
        http.createContext("/sandbox", this::control);
        http.start();
    }

    /**
     * @param callbackUrl where signed callbacks go, e.g. session-service's {@code /hr/callbacks}
     */
    public static HrSandbox start(int port, String apiKey, String webhookSecret, String callbackUrl) {
        try {
            return new HrSandbox(port, apiKey, webhookSecret, callbackUrl);
        } catch (IOException e) {
            throw new UncheckedIOException("The HR sandbox could not bind port " + port, e);
        } catch (Exception e) {
            throw new IllegalStateException("The HR sandbox's webhook secret is not a whsec_ secret", e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    public void mode(Mode mode) {
        this.mode = mode;
    }

    public void fillRate(double rate, long delayMillis) {
        this.fillRate = rate;
        this.fillDelayMillis = delayMillis;
    }

    public void callbackUrl(String url) {
        this.callbackUrl = url;
    }

    public Map<String, ObjectNode> jobs() {
        return Map.copyOf(jobs);
    }

    public int callbacksDelivered() {
        return callbacksDelivered.get();
    }

    @Override
    public void close() {
        http.stop(0);
        timers.shutdownNow();
    }

    private void absenceJobs(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (mode == Mode.DOWN) {
                respond(exchange, 503, "{\"error\":\"maintenance\"}");
                return;
            }
            if (mode == Mode.ERROR) {
                respond(exchange, 500, "{\"error\":\"internal\"}");
                return;
            }
            if (mode == Mode.SLOW) {
                KafkaBroker.sleepQuietly(10_000);
            }
            if (!("Bearer " + apiKey).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                respond(exchange, 401, "{\"error\":\"bad api key\"}");
                return;
            }
            String[] path = exchange.getRequestURI().getPath().split("/");
            String jobId = path.length > 2 ? path[2] : null;
            switch (exchange.getRequestMethod()) {
                case "POST" -> create(exchange);
                case "PUT" -> update(exchange, jobId);
                case "DELETE" -> cancel(exchange, jobId);
                case "GET" -> {
                    ObjectNode job = jobId == null ? null : jobs.get(jobId);
                    respond(exchange, job == null ? 404 : 200, job == null ? "{}" : json.writeValueAsString(job));
                }
                default -> respond(exchange, 405, "{}");
            }
        }
    }

    private void create(HttpExchange exchange) throws IOException {
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        if (key == null || key.isBlank()) {
            respond(exchange, 400, "{\"error\":\"Idempotency-Key is required\"}");
            return;
        }
        JsonNode body = json.readTree(exchange.getRequestBody());
        String existing = jobByIdempotencyKey.get(key);
        if (existing != null) {
            respond(exchange, 200, summary(jobs.get(existing)));
            return;
        }
        String jobId = "J-" + String.format("%06d", sequence.incrementAndGet());
        ObjectNode job = ((ObjectNode) body).put("jobId", jobId).put("status", "OPEN").putNull("substitute")
                .put("createdAt", Instant.now().toString());
        if (jobByIdempotencyKey.putIfAbsent(key, jobId) != null) {
            respond(exchange, 200, summary(jobs.get(jobByIdempotencyKey.get(key))));
            return;
        }
        jobs.put(jobId, job);
        scheduleFill(jobId);
        respond(exchange, 201, summary(job));
    }

    private void update(HttpExchange exchange, String jobId) throws IOException {
        ObjectNode job = jobId == null ? null : jobs.get(jobId);
        if (job == null) {
            respond(exchange, 404, "{}");
            return;
        }
        JsonNode body = json.readTree(exchange.getRequestBody());
        synchronized (job) {
            job.setAll((ObjectNode) body);
            job.put("jobId", jobId).put("status", "OPEN").putNull("substitute");
        }
        scheduleFill(jobId);
        respond(exchange, 200, summary(job));
    }

    private void cancel(HttpExchange exchange, String jobId) throws IOException {
        ObjectNode job = jobId == null ? null : jobs.get(jobId);
        if (job == null) {
            respond(exchange, 404, "{}");
            return;
        }
        synchronized (job) {
            job.put("status", "CANCELLED");
        }
        respond(exchange, 204, "");
    }

    private void scheduleFill(String jobId) {
        timers.schedule(() -> decide(jobId), fillDelayMillis, TimeUnit.MILLISECONDS);
    }

    /** Fills or gives up on a job; the outcome depends only on the job's external id, so runs repeat. */
    private void decide(String jobId) {
        ObjectNode job = jobs.get(jobId);
        String type;
        synchronized (job) {
            if (!"OPEN".equals(job.path("status").asText())) {
                return;
            }
            int bucket = Math.floorMod(job.path("externalId").asText(jobId).hashCode(), 100);
            if (bucket < fillRate * 100) {
                job.put("status", "FILLED");
                job.putObject("substitute").put("id", "SUB-" + (10000 + bucket * 97))
                        .put("name", SUBSTITUTES[bucket % SUBSTITUTES.length]);
                type = "absence-job.filled";
            } else {
                job.put("status", "UNFILLED");
                type = "absence-job.unfilled";
            }
        }
        ObjectNode callback = json.createObjectNode().put("type", type).put("jobId", jobId)
                .put("externalId", job.path("externalId").asText()).put("status", job.path("status").asText())
                .put("occurredAt", Instant.now().toString());
        callback.set("substitute", job.get("substitute"));
        deliver("msg_" + UUID.randomUUID(), callback.toString(), 0);
    }

    private void deliver(String webhookId, String body, int attempt) {
        String target = callbackUrl;
        if (target == null || attempt > 12) {
            return;
        }
        try {
            long timestamp = Instant.now().getEpochSecond();
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(target))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("webhook-id", webhookId)
                    .header("webhook-timestamp", String.valueOf(timestamp))
                    .header("webhook-signature", signer.sign(webhookId, timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                callbacksDelivered.incrementAndGet();
                return;
            }
            if (response.statusCode() == 401) {
                return;
            }
        } catch (Exception e) {
            // the district's service is down or slow: try again later, as real HR systems do
        }
        long backoff = Math.min(30_000, 500L << Math.min(attempt, 6));
        timers.schedule(() -> deliver(webhookId, body, attempt + 1), backoff, TimeUnit.MILLISECONDS);
    }

    private void control(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Map<String, String> query = query(exchange.getRequestURI().getQuery());
            if (path.endsWith("/jobs")) {
                respond(exchange, 200, json.writeValueAsString(jobs.values()));
            } else if (path.endsWith("/mode") && "POST".equals(exchange.getRequestMethod())) {
                mode = Mode.valueOf(query.getOrDefault("mode", "normal").toUpperCase());
                respond(exchange, 204, "");
            } else if (path.endsWith("/settings") && "POST".equals(exchange.getRequestMethod())) {
                fillRate = Double.parseDouble(query.getOrDefault("fillRate", String.valueOf(fillRate)));
                fillDelayMillis = Long.parseLong(query.getOrDefault("fillDelayMs", String.valueOf(fillDelayMillis)));
                respond(exchange, 204, "");
            } else {
                respond(exchange, 404, "{}");
            }
        } catch (IllegalArgumentException e) {
            respond(exchange, 400, "{\"error\":\"" + e.getMessage().replace("\"", "'") + "\"}");
        }
    }

    private String summary(ObjectNode job) throws IOException {
        return json.writeValueAsString(json.createObjectNode().put("jobId", job.path("jobId").asText())
                .put("status", job.path("status").asText()));
    }

    private static Map<String, String> query(String query) {
        Map<String, String> values = new java.util.HashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                values.put(kv[0], kv.length > 1 ? java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return values;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, status == 204 || bytes.length == 0 ? -1 : bytes.length);
        if (status != 204 && bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
