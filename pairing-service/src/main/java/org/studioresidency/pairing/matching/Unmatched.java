package org.studioresidency.pairing.matching;

import java.util.UUID;

/** A residency school left without a studio, and why. */
public record Unmatched(UUID residencySchoolId, String reason) {
}
