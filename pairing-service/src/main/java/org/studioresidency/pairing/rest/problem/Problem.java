package org.studioresidency.pairing.rest.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.net.URI;
import java.util.List;

/** An RFC 9457 problem details body: every 4xx and 5xx answer of this service. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
        @Schema(format = "uri", description = "What kind of problem, as an absolute URI") URI type,
        String title,
        int status,
        String detail,
        @Schema(format = "uri-reference", description = "The request path the problem occurred on (relative)") URI instance,
        @Schema(description = "Quote this id when reporting an unexpected error") String correlationId,
        @Schema(description = "One entry per rejected field") List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One rejected input field and why. */
    public record FieldError(@Schema(nullable = true, description = "The input it concerns (a body field, parameter or header); null for a"
            + " rule that concerns the request as a whole") String field, String message) {
    }
}
