package org.studioresidency.pairing.domain;

import java.util.UUID;

/** A residency school the matching could not place, and why in the district's words. */
public record UnmatchedSchool(UUID residencySchoolId, String reason) {
}
