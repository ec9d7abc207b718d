package org.studioresidency.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A bounded fuzzing pass over every operation of the running service's OpenAPI document (at RestAssured's port), with
 * the given token: illegal and wrong path values, odd query values, and bodies that are empty, null, of the wrong type,
 * with nulls in every field and unknown fields. Each service's {@code OpenApiFuzzTest} runs it and asserts the result.
 */
public final class OpenApiFuzzer {

    private static final List<String> PATH_VALUES = List.of(UUID.randomUUID().toString(), "not-a-uuid", "%00", "%C2%84", "%7Bid%7D",
            "a%20b", "..%2F..%2Fetc", "x".repeat(300), "-1", "%FF");
    private static final List<String> QUERY_VALUES = List.of("", "x", "-1", "99999999999999999999", "2026-13-45", "%00", "a,b,-c");
    private static final List<String> BODIES = List.of("", "{}", "[]", "null", "\"x\"", "{\"unknownField\": 1}", "[null]", "{\"a\":");

    /** How many requests were sent, and each one answered 5xx or with an error that is not problem details. */
    public record Result(int sent, List<String> failures) {
    }

    private OpenApiFuzzer() {
    }

    public static Result fuzz(String token) throws IOException {
        JsonNode openApi = new ObjectMapper().readTree(RestAssured.given().accept("application/json").get("/q/openapi?format=json").asString());
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = openApi.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (path.getKey().startsWith("/test-probe")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields(); operations.hasNext(); ) {
                Map.Entry<String, JsonNode> operation = operations.next();
                String method = operation.getKey().toUpperCase();
                if (!List.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)) {
                    continue;
                }
                JsonNode op = operation.getValue();
                List<String> queryNames = new ArrayList<>();
                op.path("parameters").forEach(p -> {
                    if ("query".equals(p.path("in").asText())) {
                        queryNames.add(p.path("name").asText());
                    }
                });
                boolean hasBody = op.has("requestBody");
                for (String value : PATH_VALUES) {
                    failures.addAll(send(token, method, path.getKey().replaceAll("\\{[^}]+}", value), "", hasBody ? "{}" : null));
                    sent++;
                }
                String concrete = path.getKey().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
                for (String name : queryNames) {
                    for (String value : QUERY_VALUES) {
                        failures.addAll(send(token, method, concrete, "?" + name + "=" + value, hasBody ? "{}" : null));
                        sent++;
                    }
                }
                if (hasBody) {
                    List<String> bodies = new ArrayList<>(BODIES);
                    bodies.addAll(fieldVariants(openApi, op.path("requestBody").path("content").path("application/json").path("schema")));
                    for (String body : bodies) {
                        failures.addAll(send(token, method, concrete, "", body));
                        sent++;
                    }
                }
            }
        }
        return new Result(sent, failures);
    }

    /** For each property of the body's schema: the property null, a wrong-typed value, and an array holding null. */
    private static List<String> fieldVariants(JsonNode openApi, JsonNode schema) {
        JsonNode resolved = resolve(openApi, schema);
        List<String> bodies = new ArrayList<>();
        for (Iterator<String> names = resolved.path("properties").fieldNames(); names.hasNext(); ) {
            String name = names.next();
            for (String value : List.of("null", "\"x\"", "[null]", "{}", "-1", "\"\"")) {
                bodies.add("{\"" + name + "\": " + value + "}");
            }
        }
        return bodies;
    }

    private static JsonNode resolve(JsonNode openApi, JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        return ref.startsWith("#/components/schemas/") ? openApi.path("components").path("schemas").path(ref.substring(21)) : schema;
    }

    private static List<String> send(String token, String method, String path, String query, String body) {
        RequestSpecification request = RestAssured.given().urlEncodingEnabled(false).auth().oauth2(token);
        if (body != null) {
            request = request.contentType("application/json").body(body);
        }
        io.restassured.response.Response response = request.request(method, path + query);
        int status = response.statusCode();
        String type = response.contentType() == null ? "" : response.contentType();
        if (status >= 500 || (status >= 400 && !type.startsWith("application/problem+json"))) {
            return List.of(method + " " + path + query + (body == null ? "" : " " + body) + " -> " + status + " " + type);
        }
        return List.of();
    }
}
