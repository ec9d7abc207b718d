package org.studioresidency.pairing.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(description = "A school year to add to the directory", example = """
        {"name": "2026-27", "firstDay": "2026-08-31", "lastDay": "2027-06-11"}""")
public record SchoolYearRequest(
        @NotNull @Pattern(regexp = "\\d{4}-\\d{2}", message = "must look like 2026-27") String name,
        @NotNull LocalDate firstDay,
        @NotNull LocalDate lastDay) {
}
