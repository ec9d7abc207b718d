package org.studioresidency.pairing.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.studioresidency.pairing.domain.StaffRole;

import java.util.List;
import java.util.UUID;

public record StaffResponse(UUID id, String externalId, String name, String email, StaffRole role,
                            @Schema(nullable = true) UUID schoolId,
                            @Schema(nullable = true, description = "The first of grades (teachers only)") String grade,
                            @Schema(description = "Every grade a teacher teaches, in school order, e.g. [\"2\", \"3\"]; empty for others")
                            List<String> grades,
                            boolean active, long version) {
}
