package org.studioresidency.pairing.security;

import java.util.Optional;
import java.util.UUID;

/**
 * What part of the district a caller may read: everything (district admins, viewers) or one school (a principal).
 * A principal whose token names no school sees nothing.
 */
public record Scope(UUID onlySchool) {

    private static final UUID NO_SCHOOL = new UUID(0, 0);

    public static final Scope DISTRICT = new Scope(null);

    public static Scope of(CurrentUser user) {
        return user.seesWholeDistrict() ? DISTRICT : new Scope(user.schoolId().orElse(NO_SCHOOL));
    }

    public boolean wholeDistrict() {
        return onlySchool == null;
    }

    public boolean sees(UUID schoolId) {
        return onlySchool == null || onlySchool.equals(schoolId);
    }

    public Optional<UUID> school() {
        return Optional.ofNullable(onlySchool);
    }
}
