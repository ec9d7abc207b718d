package org.studioresidency.session.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.studioresidency.session.domain.HalfDay;

import java.time.LocalDate;
import java.util.UUID;

/** Request bodies of the session endpoints. */
public final class SessionRequests {

    private SessionRequests() {
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(example = """
            {"pairingId": "9a3c0000-0000-4000-8000-000000000001", "date": "2026-10-14", "halfDay": "AM"}""")
    public record CreateSession(@NotNull UUID pairingId, @NotNull LocalDate date, @NotNull HalfDay halfDay) {
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(example = """
            {"date": "2026-10-21", "halfDay": "PM"}""")
    public record MoveSession(@NotNull LocalDate date, @NotNull HalfDay halfDay) {
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(example = """
            {"reason": "Studio school closed for weather"}""")
    public record CancelSession(@NotBlank @Size(max = 500) String reason) {
    }
}
