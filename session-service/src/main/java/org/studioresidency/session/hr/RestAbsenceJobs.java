package org.studioresidency.session.hr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.studioresidency.session.config.HrConfig;
import org.studioresidency.session.service.AbsenceJobs;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.temporal.ChronoUnit;

/**
 * The HR system's REST API (deploy/HR-PROTOCOL.md). Each call has a timeout; timeouts and 5xx answers are retried a
 * few times at once with exponential backoff and jitter, and a circuit breaker stops calling an HR system that keeps
 * failing. What still fails is retried later by the {@code HrDispatcher}, which keeps the owed calls in the database.
 */
@ApplicationScoped
@Retry(maxRetries = 2, delay = 300, jitter = 200, delayUnit = ChronoUnit.MILLIS, retryOn = AbsenceJobs.Unavailable.class,
        abortOn = AbsenceJobs.Refused.class)
@ExponentialBackoff(factor = 2, maxDelay = 5, maxDelayUnit = ChronoUnit.SECONDS)
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.6, delay = 30, delayUnit = ChronoUnit.SECONDS,
        failOn = AbsenceJobs.Unavailable.class, skipOn = AbsenceJobs.Refused.class)
public class RestAbsenceJobs implements AbsenceJobs {

    private final HrConfig config;
    private final ObjectMapper json;
    private final HttpClient client;

    RestAbsenceJobs(HrConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
        this.client = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
    }

    @Override
    public JobAck create(AbsenceJob job, String idempotencyKey) {
        return ack(send(request("/absence-jobs").POST(body(job)), idempotencyKey));
    }

    @Override
    public JobAck update(String jobId, AbsenceJob job, String idempotencyKey) {
        return ack(send(request("/absence-jobs/" + jobId).PUT(body(job)), idempotencyKey));
    }

    @Override
    public void cancel(String jobId, String idempotencyKey) {
        send(request("/absence-jobs/" + jobId).DELETE(), idempotencyKey);
    }

    private HttpRequest.Builder request(String path) {
        String base = config.baseUrl().endsWith("/") ? config.baseUrl().substring(0, config.baseUrl().length() - 1) : config.baseUrl();
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(config.timeout())
                .header("Authorization", "Bearer " + config.apiKey())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json");
    }

    private HttpRequest.BodyPublisher body(AbsenceJob job) {
        try {
            return HttpRequest.BodyPublishers.ofString(json.writeValueAsString(job));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Absence job could not be written as JSON", e);
        }
    }

    private String send(HttpRequest.Builder builder, String idempotencyKey) {
        HttpRequest request = builder.header("Idempotency-Key", idempotencyKey).build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Unavailable(request.method() + " " + request.uri().getPath() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable(request.method() + " " + request.uri().getPath() + " interrupted", e);
        }
        int status = response.statusCode();
        if (status >= 500 || status == 429 || status == 408) {
            throw new Unavailable(request.method() + " " + request.uri().getPath() + " answered " + status, null);
        }
        if (status >= 400) {
            throw new Refused(status, request.method() + " " + request.uri().getPath() + " answered " + status + ": " + response.body());
        }
        return response.body();
    }

    private JobAck ack(String body) {
        try {
            JsonNode node = json.readTree(body);
            return new JobAck(node.path("jobId").asText(null), node.path("status").asText(null));
        } catch (JsonProcessingException e) {
            throw new Unavailable("HR answer is not JSON: " + body, e);
        }
    }
}
