package org.studioresidency.pairing.rest;

import org.studioresidency.pairing.service.PlainText;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.studioresidency.pairing.domain.StaffRole;
import org.studioresidency.pairing.service.PairingException;
import org.studioresidency.pairing.service.StaffData;

import java.util.List;
import java.util.UUID;

@Schema(description = "A staff member's full state; schoolId is empty for central office and consultants. A teacher's grades"
        + " may be given as grades (all of them) or grade (one); grade is then the first of grades", example = """
        {"externalId": "T-1002", "name": "Grace Chen", "email": "gchen@district.example", "role": "TEACHER",
         "schoolId": "0b7f5a52-0d4e-4a8a-8f0e-1f3e5b7c9a01", "grades": ["2", "3"], "active": true}""")
public record StaffRequest(
        @NotBlank @PlainText @Size(max = 64) String externalId,
        @NotBlank @PlainText @Size(max = 200) String name,
        @NotBlank @PlainText @Email(regexp = ".+@.+\\..+", message = "must be a valid email address") @Size(max = 254) String email,
        @NotNull StaffRole role,
        UUID schoolId,
        @Pattern(regexp = "PK|TK|K|[1-9]|1[0-2]", message = "must be PK, TK, K or 1 to 12") String grade,
        @Size(max = 15) List<@NotNull @Pattern(regexp = "PK|TK|K|[1-9]|1[0-2]", message = "must be PK, TK, K or 1 to 12") String> grades,
        Boolean active) {

    StaffData toData() {
        List<String> all = grades != null && !grades.isEmpty() ? grades : grade == null ? List.of() : List.of(grade);
        StaffData data = new StaffData(externalId.trim(), name.trim(), email.trim(), role, schoolId, all, active == null || active);
        if (grade != null && !grade.equals(data.grade())) {
            throw new PairingException.InvalidField("grade", "must be the first of grades (" + data.grade() + "), or left out");
        }
        return data;
    }
}
