package org.studioresidency.pairing.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.studioresidency.pairing.service.DesignationData;
import org.studioresidency.pairing.service.imports.DesignationImport;

import java.util.List;
import java.util.UUID;

@Schema(description = "One school's readiness and designation in a bulk call; version is required to change an existing"
        + " designation (its ETag), and may be left out for a new one or one that stays as it is", example = """
        {"schoolId": "0b7f5a52-0d4e-4a8a-8f0e-1f3e5b7c9a01", "readiness": 4, "readinessNote": "Strong coaching culture",
         "studio": true, "focusTeacherId": "5d0c0000-0000-4000-8000-000000000006",
         "literacyCoachId": "5d0c0000-0000-4000-8000-000000000003", "capacity": 1,
         "residencyTeacherIds": ["5d0c0000-0000-4000-8000-000000000007"], "version": null}""")
public record DesignationBulkRequest(
        @NotNull UUID schoolId,
        @NotNull @Min(value = 1, message = "must be between 1 and 4") @Max(value = 4, message = "must be between 1 and 4") Integer readiness,
        @Size(max = 2000) String readinessNote,
        boolean studio,
        UUID focusTeacherId,
        UUID literacyCoachId,
        @Min(1) @Max(10) Integer capacity,
        @Size(max = 10) List<@NotNull UUID> residencyTeacherIds,
        @Schema(nullable = true, description = "The version of the designation this row replaces") Long version) {

    DesignationImport.Entry toEntry() {
        return new DesignationImport.Entry(schoolId, new DesignationData(readiness, readinessNote, studio, focusTeacherId,
                literacyCoachId, capacity, residencyTeacherIds), version);
    }
}
