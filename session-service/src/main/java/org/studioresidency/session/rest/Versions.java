package org.studioresidency.session.rest;

import jakarta.ws.rs.core.EntityTag;
import org.studioresidency.session.service.SessionException;

/** ETags are the record's version number; updates must name the version they were based on (as in every service). */
final class Versions {

    private Versions() {
    }

    static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The version an If-Match header names: 428 when missing, 412 when it names no version of ours. */
    static long expected(String ifMatch, String what) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new SessionException.PreconditionRequired(what);
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw new SessionException.StaleVersion(what);
        }
    }
}
