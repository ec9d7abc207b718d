package org.studioresidency.pairing.rest;

import java.util.List;
import java.util.UUID;

public record ProposalResponse(UUID id, UUID schoolYearId, String status, List<Pair> pairs, List<Unmatched> unmatched,
                               double totalScore, long version) {

    public record SchoolRef(UUID schoolId, String name) {
    }

    /** A proposed pair with its score and the score's breakdown per criterion. */
    public record Pair(SchoolRef studioSchool, SchoolRef residencySchool, double score, List<String> breakdown, boolean locked) {
    }

    public record Unmatched(SchoolRef residencySchool, String reason) {
    }
}
