package org.studioresidency.pairing.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

public record DesignationResponse(UUID schoolYearId, UUID schoolId, @Schema(nullable = true) Integer readiness,
                                  @Schema(nullable = true) String readinessNote, boolean studio,
                                  @Schema(nullable = true) UUID focusTeacherId, @Schema(nullable = true) UUID literacyCoachId,
                                  int capacity, List<UUID> residencyTeacherIds, long version) {
}
