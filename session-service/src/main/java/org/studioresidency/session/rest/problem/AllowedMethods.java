package org.studioresidency.session.rest.problem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.smallrye.openapi.runtime.OpenApiConstants;
import io.quarkus.smallrye.openapi.runtime.OpenApiDocumentService;
import io.smallrye.openapi.runtime.io.Format;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Allow header of an OPTIONS answer names the methods of the requested path as the OpenAPI document lists them.
 * RESTEasy Reactive's own answer lists every method of the resource class (OPTIONS /settings allowed DELETE, which
 * only /settings/substitute-caps/{date} has), and a portal believes the header.
 */
@Provider
public class AllowedMethods implements ContainerResponseFilter {

    private record Route(Pattern path, int parameters, String allow) {
    }

    private final Instance<OpenApiDocumentService> documents;
    private final ObjectMapper json;
    private volatile List<Route> routes;

    // The document service is ready only at runtime, after providers are made: read it on the first OPTIONS.
    AllowedMethods(Instance<OpenApiDocumentService> documents, ObjectMapper json) {
        this.documents = documents;
        this.json = json;
    }

    private List<Route> routes() {
        if (routes != null) {
            return routes;
        }
        List<Route> routes = new ArrayList<>();
        try {
            json.readTree(documents.get().getDocument(OpenApiConstants.DEFAULT_DOCUMENT_NAME, Format.JSON)).path("paths").properties().forEach(path -> {
                Set<String> methods = new LinkedHashSet<>();
                path.getValue().fieldNames().forEachRemaining(method -> methods.add(method.toUpperCase()));
                if (methods.contains(HttpMethod.GET)) {
                    methods.add(HttpMethod.HEAD);
                }
                methods.add(HttpMethod.OPTIONS);
                String template = path.getKey();
                String regex = Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
                routes.add(new Route(Pattern.compile(regex), template.split("\\{", -1).length - 1, String.join(", ", methods)));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // A literal segment wins over a template one: /sessions/export before /sessions/{id}.
        routes.sort(Comparator.comparingInt(Route::parameters));
        this.routes = List.copyOf(routes);
        return this.routes;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!HttpMethod.OPTIONS.equals(request.getMethod()) || !response.getHeaders().containsKey(HttpHeaders.ALLOW)) {
            return;
        }
        String path = request.getUriInfo().getRequestUri().getRawPath();
        for (Route route : routes()) {
            if (route.path().matcher(path).matches()) {
                response.getHeaders().putSingle(HttpHeaders.ALLOW, route.allow());
                return;
            }
        }
    }
}
