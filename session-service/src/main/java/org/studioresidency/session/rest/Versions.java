package org.studioresidency.session.rest;

import jakarta.ws.rs.core.EntityTag;
import org.studioresidency.session.service.SessionException;

/** ETags are the record's version; If-Match carries it back. */
final class Versions {

    private Versions() {
    }

    static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The version named by an If-Match header, or null when the header is absent. */
    static Long fromIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String value = ifMatch.trim().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new SessionException.InvalidField("If-Match", "must be the ETag of the record as last read");
        }
    }
}
