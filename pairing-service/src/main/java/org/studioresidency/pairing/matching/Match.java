package org.studioresidency.pairing.matching;

import java.util.List;
import java.util.UUID;

/** A proposed pair, its score and the score's breakdown per criterion in words. */
public record Match(UUID studioSchoolId, UUID residencySchoolId, double score, List<String> breakdown, boolean fixed) {
}
