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

    public record CreateSession(@NotNull UUID pairingId, @NotNull LocalDate date, @NotNull HalfDay halfDay) {
    }

    public record MoveSession(@NotNull LocalDate date, @NotNull HalfDay halfDay) {
    }

    public record CancelSession(@NotBlank @Size(max = 500) String reason) {
    }
}
