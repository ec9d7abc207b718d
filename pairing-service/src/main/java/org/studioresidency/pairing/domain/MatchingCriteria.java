package org.studioresidency.pairing.domain;

import org.studioresidency.pairing.matching.SchoolPair;
import org.studioresidency.pairing.matching.Weights;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What a matching run was asked, kept with its proposal so edits are checked against the same constraints. */
public record MatchingCriteria(
        List<UUID> studioSchoolIds,
        List<UUID> residencySchoolIds,
        Weights weights,
        List<SchoolPair> mustPairs,
        List<SchoolPair> neverPairs,
        Double maxDistanceKm,
        Map<UUID, Integer> capacities) {
}
