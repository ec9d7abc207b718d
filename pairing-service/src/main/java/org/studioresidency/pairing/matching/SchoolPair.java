package org.studioresidency.pairing.matching;

import java.util.UUID;

/** A studio school and a residency school, e.g. a pair that must or must never happen. */
public record SchoolPair(UUID studioSchoolId, UUID residencySchoolId) {
}
