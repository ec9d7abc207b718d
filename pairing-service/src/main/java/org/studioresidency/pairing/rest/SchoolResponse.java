package org.studioresidency.pairing.rest;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

public record SchoolResponse(
        UUID id,
        String externalId,
        String name,
        String address,
        Double latitude,
        Double longitude,
        String gradeSpan,
        Integer enrollment,
        BigDecimal freeReducedLunchPercent,
        BigDecimal englishLearnerPercent,
        BigDecimal readingProficiencyPercent,
        Integer homeLanguages,
        Map<String, BigDecimal> raceEthnicity,
        UUID supervisingLeaderId,
        PersonResponse principal,
        long version) {

    /** A person named in another resource. */
    public record PersonResponse(UUID staffId, String name, String email) {
    }
}
