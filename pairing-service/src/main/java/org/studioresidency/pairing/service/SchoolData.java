package org.studioresidency.pairing.service;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/** A school's full state as a caller (REST or import) gives it. */
public record SchoolData(
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
        UUID supervisingLeaderId) {
}
