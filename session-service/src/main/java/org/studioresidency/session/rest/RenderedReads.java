package org.studioresidency.session.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.studioresidency.session.repository.ReadRevisionRepository;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The portal's frequent reads (a page of sessions, a session, its record) rendered once per read revision.
 * A read first asks the database for the revision (one one-row query), then answers from the answer rendered at that
 * revision for the same path, query and caller's scope, or renders it and keeps it. Any committed write moves the
 * revision on (in the same transaction), so an answer is never older than the last commit before the read, on any
 * replica. Only 200 answers are kept; errors, authorization and validation run as they always do.
 */
@ApplicationScoped
public class RenderedReads {

    /** Bytes of rendered answers kept at most; the least used go first. */
    static final long MAX_BYTES = 4L * 1024 * 1024;

    private static final List<String> KEPT_HEADERS = List.of("ETag", SessionListItem.Page.TOTAL_HEADER);

    private record Key(long revision, String scope, String request) {
    }

    private record Rendered(byte[] body, Map<String, String> headers) {
        Response answer() {
            Response.ResponseBuilder answer = Response.ok(body, MediaType.APPLICATION_JSON_TYPE);
            headers.forEach(answer::header);
            return answer.build();
        }
    }

    private final ReadRevisionRepository revisions;
    private final ObjectMapper json;
    private final Cache<Key, Rendered> rendered;

    RenderedReads(ReadRevisionRepository revisions, ObjectMapper json, MeterRegistry meters) {
        this.revisions = revisions;
        this.json = json;
        this.rendered = Caffeine.newBuilder()
                .maximumWeight(MAX_BYTES)
                .weigher((Key key, Rendered answer) -> answer.body().length + key.request().length())
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(meters, rendered, "rendered_reads");
    }

    /**
     * The answer to this read by this caller: kept from earlier at the current revision, or {@code render}ed now for
     * the same scope the answer is kept under.
     */
    public Response serve(UriInfo request, Optional<UUID> onlySchool, Function<Optional<UUID>, Response> render) {
        Key key = new Key(revisions.current(), onlySchool.map(Object::toString).orElse("district"),
                request.getRequestUri().getRawPath() + '?' + request.getRequestUri().getRawQuery());
        Rendered kept = rendered.getIfPresent(key);
        if (kept != null) {
            return kept.answer();
        }
        Response answer = render.apply(onlySchool);
        if (answer.getStatus() != Response.Status.OK.getStatusCode() || answer.getEntity() == null) {
            return answer;
        }
        Rendered fresh = new Rendered(bytes(answer.getEntity()), kept(answer));
        rendered.put(key, fresh);
        return fresh.answer();
    }

    private byte[] bytes(Object entity) {
        try {
            return json.writeValueAsBytes(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A read's answer could not be written as JSON", e);
        }
    }

    private static Map<String, String> kept(Response answer) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : KEPT_HEADERS) {
            String value = answer.getHeaderString(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        return Map.copyOf(headers);
    }
}
