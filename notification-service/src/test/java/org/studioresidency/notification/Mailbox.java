package org.studioresidency.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.studioresidency.local.TestInfrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The messages the test SMTP server really received, read over its HTTP API. */
public final class Mailbox {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Mailbox() {
    }

    /** Every message addressed to this recipient. */
    public static List<JsonNode> to(String address) {
        JsonNode all = call("GET", "/messages?to=" + URLEncoder.encode(address, StandardCharsets.UTF_8));
        List<JsonNode> messages = new ArrayList<>();
        all.forEach(messages::add);
        return messages;
    }

    public static void stopSmtp() {
        call("POST", "/smtp/stop");
    }

    public static void startSmtp() {
        call("POST", "/smtp/start");
    }

    /** The content of the first part whose content type starts with the given one, e.g. {@code text/plain}. */
    public static JsonNode part(JsonNode message, String contentType) {
        for (JsonNode part : message.get("parts")) {
            if (part.path("contentType").asText().toLowerCase().startsWith(contentType)) {
                return part;
            }
        }
        throw new AssertionError("No " + contentType + " part in " + message);
    }

    private static JsonNode call(String method, String path) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(TestInfrastructure.mailUrl() + path))
                    .method(method, HttpRequest.BodyPublishers.noBody()).build();
            String body = HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
            return body == null || body.isBlank() ? JSON.createArrayNode() : JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
