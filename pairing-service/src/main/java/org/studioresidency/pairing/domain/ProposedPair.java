package org.studioresidency.pairing.domain;

import java.util.List;
import java.util.UUID;

/** One residency school proposed to a studio school, with why. */
public record ProposedPair(UUID studioSchoolId, UUID residencySchoolId, double score, List<String> breakdown, boolean locked) {

    public ProposedPair withStudio(UUID studio, double newScore, List<String> newBreakdown) {
        return new ProposedPair(studio, residencySchoolId, newScore, newBreakdown, locked);
    }

    public ProposedPair locked(boolean lock) {
        return new ProposedPair(studioSchoolId, residencySchoolId, score, breakdown, lock);
    }
}
