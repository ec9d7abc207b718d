package org.studioresidency.pairing.rest.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.studioresidency.pairing.service.PairingException;

import java.net.URI;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** Renders every error as RFC 9457 problem details; unexpected ones carry only a correlation id. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    static final String UNAUTHENTICATED = "A valid bearer token is required. Sign in through the district portal, or for the local stack run "
            + "deploy/local/run --token district-admin.";
    private static final String TYPE_BASE = "https://studio-residency.district/problems/";

    @ServerExceptionMapper
    public Response domain(PairingException e, UriInfo uri) {
        List<Problem.FieldError> reasons = e.reasons().isEmpty() ? null
                : e.reasons().stream().map(r -> new Problem.FieldError(r.field(), r.message())).toList();
        return respond(new Problem(type(e.slug()), e.title(), e.status(), e.getMessage(), instance(uri), null, reasons));
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + " " + f.message()).collect(Collectors.joining("; "));
        return respond(new Problem(type("validation"), "Invalid request", 400,
                "The request has invalid fields: " + detail + ".", instance(uri), null, errors));
    }

    @ServerExceptionMapper({JsonProcessingException.class, com.fasterxml.jackson.databind.exc.MismatchedInputException.class,
            InvalidFormatException.class, UnrecognizedPropertyException.class, com.fasterxml.jackson.core.JsonParseException.class})
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException mapping ? path(mapping) : null;
        String message;
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null && invalid.getTargetType().isEnum()) {
            message = "must be one of " + Arrays.toString(invalid.getTargetType().getEnumConstants());
        } else if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null) {
            message = "must be a valid " + readableType(invalid.getTargetType());
        } else if (e instanceof UnrecognizedPropertyException) {
            message = "is not a known field";
        } else if (duplicateKey(e) != null) {
            field = duplicateKey(e);
            message = "is given more than once";
        } else if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            message = "has the wrong type";
        } else {
            message = "the body is not well-formed JSON";
            field = null;
        }
        List<Problem.FieldError> errors = field == null ? null : List.of(new Problem.FieldError(field, message));
        String detail = field == null ? "The request body could not be read: " + message + "."
                : "The request body could not be read: " + field + " " + message + ".";
        return respond(new Problem(type("unreadable-body"), "Unreadable request body", 400, detail, instance(uri), null, errors));
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(Exception e, UriInfo uri) {
        return Response.fromResponse(respond(new Problem(type("unauthenticated"), "Unauthenticated", 401,
                        UNAUTHENTICATED, instance(uri), null, null)))
                .header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem(type("forbidden"), "Forbidden", 403,
                "Your role does not allow this. Ask the district office for access if you need it.", instance(uri), null, null));
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, UriInfo uri) {
        return respond(new Problem(type("stale-version"), "Conflict", 409,
                "Someone else changed this record at the same time. Read it again and retry.", instance(uri), null, null));
    }

    /**
     * A database constraint refused a change that passed the service's checks: two requests raced for the same unique
     * value. The constraint's name says which rule, in words; the SQL is never echoed.
     */
    @ServerExceptionMapper
    public Response constraint(org.hibernate.exception.ConstraintViolationException e, UriInfo uri) {
        String constraint = e.getConstraintName() == null ? "" : e.getConstraintName().toLowerCase();
        String detail = CONSTRAINTS.entrySet().stream().filter(c -> constraint.contains(c.getKey())).map(java.util.Map.Entry::getValue)
                .findFirst().orElse("The change conflicts with data changed at the same time.");
        return respond(new Problem(type("conflict"), "Conflict", 409, detail + " Read it again and retry.", instance(uri), null, null));
    }

    private static final java.util.Map<String, String> CONSTRAINTS = java.util.Map.of(
            "staff_one_principal_per_school", "The school already has a principal.",
            "staff_email_unique", "Another staff member has this email.",
            "staff_external_id", "Another staff member has this external id.",
            "school_external_id", "Another school has this external id.",
            "pairing_one_active_per_studio", "The studio school is already in a pairing this year.",
            "pairing_residency_once_per_year", "A residency school is already in a pairing this year.",
            "studio_designation_school_year_id_school_id", "The school already has a designation for this year.");

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            return unreadableJson(unreadable, uri);
        }
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Response.StatusType info = Response.Status.fromStatusCode(status);
        String title = info == null ? "Error" : info.getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "No resource at " + uri.getRequestUri().getRawPath() + ". The OpenAPI document at /q/openapi lists every path.";
            case 405 -> "This method is not allowed on " + uri.getRequestUri().getRawPath() + ".";
            case 406 -> "This resource answers in application/json only.";
            case 415 -> "Send the body as application/json.";
            default -> title + ".";
        };
        return respond(new Problem(type(slug(title)), title, status, detail, instance(uri), null, null));
    }

    /**
     * Reading the request body failed: it ended early or its multipart structure is broken. Nothing in a resource
     * does I/O of its own that could throw this, so it is the client's body, not our fault.
     */
    @ServerExceptionMapper
    public Response unreadableBody(java.io.IOException e, UriInfo uri) {
        LOG.debugf("Unreadable request body on %s: %s", uri.getRequestUri().getRawPath(), e.getMessage());
        return respond(new Problem(type("unreadable-body"), "Unreadable request body", 400,
                "The request body could not be read: it ended early or is not well-formed multipart/form-data.", instance(uri), null,
                List.of(new Problem.FieldError("body", "is truncated or not well-formed"))));
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        String correlationId = UUID.randomUUID().toString();
        MDC.put("correlationId", correlationId);
        LOG.errorf(e, "Unexpected error %s on %s", correlationId, uri.getPath());
        MDC.remove("correlationId");
        return respond(new Problem(type("internal"), "Internal error", 500,
                "Something went wrong on our side. Quote correlation id " + correlationId + " to the district's support team.",
                instance(uri), correlationId, null));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String field(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        boolean afterParameter = false;
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                afterParameter = true;
                parameter = node.getName();
                continue;
            }
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR || !afterParameter) {
                continue;
            }
            if (node.getIndex() != null && field.length() > 0) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                field.append(field.length() > 0 ? "." : "").append(node.getName());
            }
        }
        return field.length() > 0 ? field.toString() : parameter != null ? parameter : violation.getPropertyPath().toString();
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() > 0 ? "." : "").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.length() > 0 ? path.toString() : null;
    }

    /** The path of a key the body gives twice (the parser's strict duplicate detection names only the key). */
    private static String duplicateKey(JsonProcessingException e) {
        if (!(e instanceof com.fasterxml.jackson.core.JsonParseException parse) || e.getOriginalMessage() == null
                || !e.getOriginalMessage().startsWith("Duplicate field") || parse.getProcessor() == null) {
            return null;
        }
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        for (com.fasterxml.jackson.core.JsonStreamContext c = parse.getProcessor().getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
            parts.push(c.inArray() ? "[" + c.getCurrentIndex() + "]" : c.getCurrentName() == null ? "" : c.getCurrentName());
        }
        StringBuilder path = new StringBuilder();
        for (String part : parts) {
            path.append(path.length() > 0 && !part.startsWith("[") ? "." : "").append(part);
        }
        return path.length() > 0 ? path.toString() : null;
    }

    private static String readableType(Class<?> type) {
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "date (YYYY-MM-DD)";
            case "UUID" -> "UUID";
            case "Integer", "int", "Long", "long" -> "whole number";
            case "Double", "double", "BigDecimal" -> "number";
            case "Boolean", "boolean" -> "true or false";
            default -> type.getSimpleName();
        };
    }

    private static URI type(String slug) {
        return URI.create(TYPE_BASE + slug);
    }

    private static String slug(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }

    private static URI instance(UriInfo uri) {
        return uri == null ? null : URI.create(uri.getRequestUri().getRawPath());
    }
}
