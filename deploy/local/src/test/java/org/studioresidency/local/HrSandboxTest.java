package org.studioresidency.local;

import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class HrSandboxTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String JOB = """
            {"externalId":"%s","employee":{"id":"t-1","name":"Priya Shah","email":"pshah@district.example"},
             "schoolId":"s-1","date":"2026-11-05","halfDay":"AM","units":0.5,"reasonCode":"PD-STUDIO"}""";

    private final HttpClient client = HttpClient.newHttpClient();
    private final List<Map<String, List<String>>> callbackHeaders = new CopyOnWriteArrayList<>();
    private final List<String> callbackBodies = new CopyOnWriteArrayList<>();
    private HttpServer receiver;
    private HrSandbox sandbox;

    @BeforeEach
    void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hr/callbacks", exchange -> {
            callbackHeaders.add(Map.copyOf(exchange.getRequestHeaders()));
            callbackBodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        sandbox = HrSandbox.start(FreePorts.next(), "key", SECRET,
                "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hr/callbacks");
        sandbox.fillRate(1.0, 100);
    }

    @AfterEach
    void stop() {
        sandbox.close();
        receiver.stop(0);
    }

    @Test
    void shouldCreateOneJobForARepeatedIdempotencyKey() throws Exception {
        HttpResponse<String> first = post("k-1", JOB.formatted("req-1"));
        HttpResponse<String> second = post("k-1", JOB.formatted("req-1"));

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(sandbox.jobs()).hasSize(1);
    }

    @Test
    void shouldReportAFilledJobOnACallbackSignedPerStandardWebhooks() throws Exception {
        post("k-2", JOB.formatted("req-2"));

        await().atMost(Duration.ofSeconds(10)).until(() -> callbackBodies.size() == 1);
        String body = callbackBodies.get(0);
        assertThat(body).contains("\"type\":\"absence-job.filled\"").contains("\"externalId\":\"req-2\"");
        Map<String, List<String>> headers = new java.util.HashMap<>();
        callbackHeaders.get(0).forEach((k, v) -> headers.put(k.toLowerCase(), v));
        new Webhook(SECRET).verify(body, headers);
    }

    @Test
    void shouldRefuseCallsWhileDown() throws Exception {
        sandbox.mode(HrSandbox.Mode.DOWN);
        assertThat(post("k-3", JOB.formatted("req-3")).statusCode()).isEqualTo(503);
        sandbox.mode(HrSandbox.Mode.NORMAL);
        assertThat(post("k-3", JOB.formatted("req-3")).statusCode()).isEqualTo(201);
    }

    @Test
    void shouldRejectAWrongApiKey() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(sandbox.url() + "/absence-jobs"))
                .header("Authorization", "Bearer wrong").header("Idempotency-Key", "k-4")
                .POST(HttpRequest.BodyPublishers.ofString(JOB.formatted("req-4"))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> post(String key, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(sandbox.url() + "/absence-jobs"))
                .header("Authorization", "Bearer key").header("Idempotency-Key", key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
