package org.studioresidency.session.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;
import java.util.UUID;

/** Who is calling, as the bearer token says. */
@RequestScoped
public class CurrentUser {

    /** Claim naming the school a principal leads. */
    public static final String SCHOOL_CLAIM = "school_id";

    @Inject
    JsonWebToken token;

    public boolean seesWholeDistrict() {
        return token.getGroups().contains(Roles.DISTRICT_ADMIN) || token.getGroups().contains(Roles.VIEWER);
    }

    /** The school a principal leads, if the token names one. */
    public Optional<UUID> schoolId() {
        Object claim = token.getClaim(SCHOOL_CLAIM);
        if (claim == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(claim.toString().replace("\"", "")));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public String name() {
        return token.getName();
    }

    /** Who made a change, for the record: the token's subject (or name). */
    public String subject() {
        return token.getSubject() != null ? token.getSubject() : token.getName();
    }

    /** The caller's role as it is recorded with a change: the district office's, a principal's, or another. */
    public String roleName() {
        for (String role : new String[] {Roles.DISTRICT_ADMIN, Roles.PRINCIPAL, Roles.HR_SYSTEM, Roles.VIEWER}) {
            if (token.getGroups().contains(role)) {
                return role;
            }
        }
        return "unknown";
    }
}
