package org.studioresidency.pairing.service;

import java.util.UUID;

/** Readiness and, when {@code studio}, the studio designation of a school for a year. */
public record DesignationData(Integer readiness, String readinessNote, boolean studio, UUID focusTeacherId, UUID literacyCoachId,
                              Integer capacity) {
}
