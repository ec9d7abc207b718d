package org.studioresidency.pairing.matching;

import java.util.List;
import java.util.UUID;

/**
 * A proposed pair, its score, the score's breakdown per criterion in words, and warnings about a pair the district
 * fixed although it breaks one of its own limits (a must-pair beyond the maximum travel distance).
 */
public record Match(UUID studioSchoolId, UUID residencySchoolId, double score, List<String> breakdown, boolean fixed,
                    List<String> warnings) {

    public Match(UUID studioSchoolId, UUID residencySchoolId, double score, List<String> breakdown, boolean fixed) {
        this(studioSchoolId, residencySchoolId, score, breakdown, fixed, List.of());
    }
}
