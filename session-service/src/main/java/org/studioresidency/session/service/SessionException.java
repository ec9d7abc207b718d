package org.studioresidency.session.service;

import java.util.List;

/** A request the district's rules refuse; rendered as problem details with this status. */
public abstract class SessionException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<Reason> reasons;

    protected SessionException(int status, String slug, String title, String detail, List<Reason> reasons) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.reasons = List.copyOf(reasons);
    }

    public int status() {
        return status;
    }

    /** Last segment of the problem type URI, e.g. {@code not-found}. */
    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    /** Each reason in words, e.g. each conflict a change would cause. */
    public List<Reason> reasons() {
        return reasons;
    }

    /** One reason for a refusal; {@code field} names the input it concerns, when it concerns one. */
    public record Reason(String field, String message) {
        public static Reason of(String message) {
            return new Reason(null, message);
        }
    }

    /** 400: an input field breaks a rule that needs more than one field to check. */
    public static class InvalidField extends SessionException {
        public InvalidField(String field, String message) {
            super(400, "validation", "Invalid request", "The request has invalid fields: " + field + " " + message + ".",
                    List.of(new Reason(field, message)));
        }
    }

    /** 413: the body is larger than this endpoint accepts; the message names the limit. */
    public static class TooLarge extends SessionException {
        public TooLarge(String field, String message) {
            super(413, "too-large", "Content too large", "The request is too large: " + field + " " + message + ".",
                    List.of(new Reason(field, message)));
        }
    }

    /** 404: what was asked for does not exist (or is not visible to the caller). */
    public static class NotFound extends SessionException {
        public NotFound(String what, Object id) {
            super(404, "not-found", "Not found", what + " " + id + " does not exist.", List.of());
        }
    }

    /** 409: the change conflicts with what is already there. */
    public static class Conflict extends SessionException {
        public Conflict(String detail, List<Reason> reasons) {
            super(409, "conflict", "Conflict", detail, reasons);
        }

        public Conflict(String detail) {
            this(detail, List.of());
        }
    }

    /** 412: the If-Match version is not the current one. */
    public static class StaleVersion extends SessionException {
        public StaleVersion(String what) {
            super(412, "stale-version", "Precondition failed", what
                    + " was changed by someone else since you read it. Read it again (GET) and retry with the new ETag.", List.of());
        }
    }

    /** 428: an update of a versioned record without If-Match (lost updates are refused, not risked). */
    public static class PreconditionRequired extends SessionException {
        public PreconditionRequired(String what) {
            super(428, "precondition-required", "Precondition required", "Updating " + what
                    + " needs an If-Match header with the ETag of your last read, so that nobody's change is lost. Read it (GET) and send its ETag.",
                    List.of(new Reason("If-Match", "is required")));
        }
    }

    /** 409 with Retry-After: what the request depends on has not reached this service yet; retrying shortly will work. */
    public static class NotYetApplied extends SessionException {
        private final int retryAfterSeconds;

        public NotYetApplied(String detail, int retryAfterSeconds) {
            super(409, "not-yet-applied", "Waiting for changes from another service", detail, List.of());
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public int retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    /** 422: the request is well formed but a district rule refuses it. */
    public static class RuleViolation extends SessionException {
        public RuleViolation(String detail, List<Reason> reasons) {
            super(422, "rule-violation", "Refused by a district rule", detail, reasons);
        }
    }

    /** 401: a callback whose signature or timestamp does not check out; the caller should not retry it. */
    public static class BadSignature extends SessionException {
        public BadSignature(String detail) {
            super(401, "bad-signature", "Unauthorized", detail, List.of());
        }
    }
}
