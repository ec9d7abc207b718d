package org.studioresidency.pairing.service;

import org.studioresidency.pairing.domain.School;
import org.studioresidency.pairing.domain.StudioDesignation;
import org.studioresidency.pairing.matching.SchoolProfile;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/** Turns a directory school (and its designation) into what matching compares. */
final class SchoolProfiles {

    private SchoolProfiles() {
    }

    static SchoolProfile of(School school, StudioDesignation designation) {
        Map<String, Double> shares = new TreeMap<>();
        if (school.raceEthnicity != null) {
            for (Map.Entry<String, ?> share : ((Map<String, ?>) (Map<?, ?>) school.raceEthnicity).entrySet()) {
                if (share.getValue() != null) {
                    shares.put(share.getKey(), Double.parseDouble(share.getValue().toString()));
                }
            }
        }
        return new SchoolProfile(school.id, school.name, number(school.freeReducedLunchPercent), number(school.englishLearnerPercent),
                shares, school.homeLanguages, number(school.readingProficiencyPercent), school.enrollment, school.latitude,
                school.longitude, designation == null ? null : designation.readiness, school.supervisingLeaderId);
    }

    private static Double number(BigDecimal value) {
        return value == null ? null : value.doubleValue();
    }
}
