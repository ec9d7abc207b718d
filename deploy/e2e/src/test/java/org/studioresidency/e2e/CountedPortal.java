package org.studioresidency.e2e;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import io.restassured.specification.RequestSpecification;
import org.studioresidency.local.LocalStack;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;

/**
 * The portal's HTTP client with a counter: every call to a service made through {@link #pairing()} or {@link #session()}
 * is recorded as {@code METHOD service path -> status, ms}, so a test can hold the portal to a call budget and print
 * where the calls went.
 */
final class CountedPortal implements Filter {

    /** One call the portal made. */
    record Call(String method, String service, String path, int status, long millis) {
        @Override
        public String toString() {
            return "%-5s %-16s %s -> %d (%d ms)".formatted(method, service, path, status, millis);
        }
    }

    private final LocalStack stack;
    private final String token;
    private final List<Call> calls = new ArrayList<>();

    CountedPortal(LocalStack stack, String token) {
        this.stack = stack;
        this.token = token;
    }

    RequestSpecification pairing() {
        return on("pairing-service");
    }

    RequestSpecification session() {
        return on("session-service");
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    private RequestSpecification on(String service) {
        return given().filter(this).auth().oauth2(token).baseUri(stack.serviceUrl(service));
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response, FilterContext context) {
        long start = System.nanoTime();
        Response answer = context.next(request, response);
        URI uri = URI.create(request.getURI());
        String service = stack.serviceUrl("pairing-service").endsWith(":" + uri.getPort()) ? "pairing-service" : "session-service";
        String path = shortened(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        synchronized (calls) {
            calls.add(new Call(request.getMethod(), service, path, answer.statusCode(), (System.nanoTime() - start) / 1_000_000));
        }
        return answer;
    }

    /** Ids are long and say little in a printed list of calls. */
    private static String shortened(String target) {
        return target.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "{id}");
    }
}
