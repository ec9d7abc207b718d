package org.studioresidency.pairing.rest;

import org.studioresidency.pairing.service.PlainText;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.studioresidency.pairing.service.SchoolData;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

@Schema(description = "A school's full state; race/ethnicity shares are percentages summing to about 100", example = """
        {"externalId": "SIS-0042", "name": "Garfield Elementary", "address": "1200 Oak Street, Springfield",
         "latitude": 47.61, "longitude": -122.33, "gradeSpan": "K-5", "enrollment": 640,
         "freeReducedLunchPercent": 62, "englishLearnerPercent": 33, "readingProficiencyPercent": 48, "homeLanguages": 14,
         "raceEthnicity": {"latino": 40, "asianPacificIslander": 24, "black": 16, "white": 19, "multiracial": 1},
         "supervisingLeaderId": null}""")
public record SchoolRequest(
        @NotBlank @PlainText @Size(max = 64) String externalId,
        @NotBlank @PlainText @Size(max = 200) String name,
        @PlainText @Size(max = 300) String address,
        @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @DecimalMin("-180") @DecimalMax("180") Double longitude,
        @Pattern(regexp = "(PK|TK|K|[1-9]|1[0-2])-(K|[1-9]|1[0-2])", message = "must look like K-5 or PK-6") String gradeSpan,
        @PositiveOrZero Integer enrollment,
        @DecimalMin(value = "0", message = "must be between 0 and 100") @DecimalMax(value = "100", message = "must be between 0 and 100") BigDecimal freeReducedLunchPercent,
        @DecimalMin(value = "0", message = "must be between 0 and 100") @DecimalMax(value = "100", message = "must be between 0 and 100") BigDecimal englishLearnerPercent,
        @DecimalMin(value = "0", message = "must be between 0 and 100") @DecimalMax(value = "100", message = "must be between 0 and 100") BigDecimal readingProficiencyPercent,
        @PositiveOrZero Integer homeLanguages,
        @Schema(description = "Share per race/ethnicity group in percent; each 0-100, summing to 100 within 1 point")
        Map<@NotBlank @PlainText @Size(max = 64) String, BigDecimal> raceEthnicity,
        @Schema(nullable = true, description = "The central-office leader who supervises the school; null for none") UUID supervisingLeaderId) {

    SchoolData toData() {
        return new SchoolData(externalId.trim(), name.trim(), address, latitude, longitude, gradeSpan, enrollment, freeReducedLunchPercent,
                englishLearnerPercent, readingProficiencyPercent, homeLanguages, raceEthnicity, supervisingLeaderId);
    }
}
