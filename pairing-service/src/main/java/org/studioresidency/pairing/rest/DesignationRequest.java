package org.studioresidency.pairing.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.studioresidency.pairing.service.DesignationData;

import java.util.List;
import java.util.UUID;

@Schema(description = "Readiness (1-4) of a school for the year and, if studio, its focus teacher, coach and capacity", example = """
        {"readiness": 4, "readinessNote": "Strong coaching culture", "studio": true,
         "focusTeacherId": "5d0c0000-0000-4000-8000-000000000006", "literacyCoachId": "5d0c0000-0000-4000-8000-000000000003",
         "capacity": 1, "residencyTeacherIds": ["5d0c0000-0000-4000-8000-000000000007"]}""")
public record DesignationRequest(
        @NotNull @Min(value = 1, message = "must be between 1 and 4") @Max(value = 4, message = "must be between 1 and 4") Integer readiness,
        @Size(max = 2000) String readinessNote,
        boolean studio,
        UUID focusTeacherId,
        UUID literacyCoachId,
        @Min(1) @Max(10) Integer capacity,
        @Schema(description = "The school's teachers who take part in its pairing as residency teachers; confirmation puts them"
                + " in the first team. Empty or absent: none named (the principal can set them on the pairing later)")
        @Size(max = 10) List<@NotNull UUID> residencyTeacherIds) {

    DesignationData toData() {
        return new DesignationData(readiness, readinessNote, studio, focusTeacherId, literacyCoachId, capacity, residencyTeacherIds);
    }
}
