package org.studioresidency.pairing.matching;

import java.util.List;
import java.util.Set;

/**
 * Studio schools with capacities, candidate residency schools, weights and the district's constraints.
 *
 * @param maxDistanceKm null when travel distance does not limit pairs
 */
public record MatchingProblem(
        List<Studio> studios,
        List<SchoolProfile> residencies,
        Weights weights,
        Set<SchoolPair> mustPairs,
        Set<SchoolPair> neverPairs,
        Double maxDistanceKm) {
}
