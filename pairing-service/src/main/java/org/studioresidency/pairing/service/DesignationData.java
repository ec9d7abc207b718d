package org.studioresidency.pairing.service;

import java.util.List;
import java.util.UUID;

/**
 * Readiness and, when {@code studio}, the studio designation of a school for a year. {@code residencyTeacherIds} are the
 * school's teachers who take part in its pairing as residency teachers (studio or residency school alike).
 */
public record DesignationData(Integer readiness, String readinessNote, boolean studio, UUID focusTeacherId, UUID literacyCoachId,
                              Integer capacity, List<UUID> residencyTeacherIds) {

    public DesignationData {
        residencyTeacherIds = residencyTeacherIds == null ? List.of() : List.copyOf(residencyTeacherIds);
    }
}
