package org.studioresidency.e2e;

import com.fasterxml.jackson.databind.DeserializationFeature;
import org.studioresidency.local.LocalStack;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The clients a portal would generate from the three services' OpenAPI documents (deploy/e2e/pom.xml generates them
 * at build time), each sending one bearer token. Answers with a field the document does not name fail to deserialize.
 */
final class PortalClients {

    final org.studioresidency.e2e.client.pairing.ApiClient pairing = new org.studioresidency.e2e.client.pairing.ApiClient();
    final org.studioresidency.e2e.client.session.ApiClient session = new org.studioresidency.e2e.client.session.ApiClient();
    final org.studioresidency.e2e.client.notification.ApiClient notification = new org.studioresidency.e2e.client.notification.ApiClient();

    PortalClients(LocalStack stack, String token) {
        Consumer<HttpRequest.Builder> bearer = request -> request.header("Authorization", "Bearer " + token);
        pairing.updateBaseUri(stack.serviceUrl("pairing-service"));
        pairing.setRequestInterceptor(bearer);
        pairing.setObjectMapper(org.studioresidency.e2e.client.pairing.ApiClient.createDefaultObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true));
        session.updateBaseUri(stack.serviceUrl("session-service"));
        session.setRequestInterceptor(bearer);
        session.setObjectMapper(org.studioresidency.e2e.client.session.ApiClient.createDefaultObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true));
        notification.updateBaseUri(stack.serviceUrl("notification-service"));
        notification.setRequestInterceptor(bearer);
        notification.setObjectMapper(org.studioresidency.e2e.client.notification.ApiClient.createDefaultObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true));
    }

    /** The ETag of an answer, to send back as If-Match. */
    static String etag(Map<String, List<String>> headers) {
        return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("ETag")).findFirst()
                .map(h -> h.getValue().get(0)).orElseThrow(() -> new AssertionError("no ETag in " + headers.keySet()));
    }
}
