package org.studioresidency.pairing.rest;

import java.util.UUID;

public record DesignationResponse(UUID schoolYearId, UUID schoolId, Integer readiness, String readinessNote, boolean studio,
                                  UUID focusTeacherId, UUID literacyCoachId, int capacity, long version) {
}
