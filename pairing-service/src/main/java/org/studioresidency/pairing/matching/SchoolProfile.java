package org.studioresidency.pairing.matching;

import java.util.Map;
import java.util.UUID;

/**
 * What matching knows of a school: its demographics, location, readiness and supervising leader.
 * Unknown values are null and simply not compared.
 */
public record SchoolProfile(
        UUID schoolId,
        String name,
        Double freeReducedLunchPercent,
        Double englishLearnerPercent,
        Map<String, Double> raceEthnicity,
        Integer homeLanguages,
        Double readingProficiencyPercent,
        Integer enrollment,
        Double latitude,
        Double longitude,
        Integer readiness,
        UUID supervisingLeaderId) {
}
