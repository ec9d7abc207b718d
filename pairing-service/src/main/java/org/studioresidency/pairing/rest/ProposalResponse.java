package org.studioresidency.pairing.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

public record ProposalResponse(UUID id, UUID schoolYearId, String status, List<Pair> pairs, List<Unmatched> unmatched,
                               double totalScore, long version) {

    public record SchoolRef(UUID schoolId, String name) {
    }

    /** A proposed pair with its score, the score's breakdown per criterion, and warnings (empty for most pairs). */
    public record Pair(SchoolRef studioSchool, SchoolRef residencySchool, double score, List<String> breakdown, boolean locked,
                       @Schema(description = "What the district should know before confirming this pair, e.g. a must-pair beyond "
                               + "maxDistanceKm (kept because the district fixed it). Empty when there is nothing to say.",
                               example = "[\"must-pair beyond the maximum travel distance: the schools are 41 km apart, more than "
                                       + "maxDistanceKm 25 km; kept because the district fixed it\"]")
                       List<String> warnings) {
    }

    public record Unmatched(SchoolRef residencySchool, String reason) {
    }
}
