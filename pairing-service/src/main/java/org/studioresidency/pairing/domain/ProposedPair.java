package org.studioresidency.pairing.domain;

import java.util.List;
import java.util.UUID;

/** One residency school proposed to a studio school, with why, and warnings about it (none for most pairs). */
public record ProposedPair(UUID studioSchoolId, UUID residencySchoolId, double score, List<String> breakdown, boolean locked,
                           List<String> warnings) {

    /** Proposals stored before warnings existed read as having none. */
    public ProposedPair {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** After a swap the pair is a new one: the swap itself refuses pairs beyond the travel limit, so no warning stays. */
    public ProposedPair withStudio(UUID studio, double newScore, List<String> newBreakdown) {
        return new ProposedPair(studio, residencySchoolId, newScore, newBreakdown, locked, List.of());
    }

    public ProposedPair locked(boolean lock) {
        return new ProposedPair(studioSchoolId, residencySchoolId, score, breakdown, lock, warnings);
    }
}
