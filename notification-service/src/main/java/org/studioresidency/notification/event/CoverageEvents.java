package org.studioresidency.notification.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.util.UUID;

/** What this service reads of session-service's {@code district.coverage} events (tolerant reader). */
public final class CoverageEvents {

    public static final String REQUESTED = "district.coverage.requested.v1";
    public static final String FILLED = "district.coverage.filled.v1";
    public static final String UNFILLED = "district.coverage.unfilled.v1";
    public static final String CANCELLED = "district.coverage.cancelled.v1";
    public static final String AT_RISK = "district.coverage.at-risk.v1";

    private CoverageEvents() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Teacher(UUID staffId, String name, String email, UUID schoolId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Substitute(String id, String name) {
    }

    /** Any {@code district.coverage.*} event; {@code daysBefore} only on {@code at-risk.v1}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CoverageEvent(UUID coverageRequestId, UUID sessionId, UUID pairingId, LocalDate date, String halfDay,
                                Teacher teacher, String status, Substitute substitute, Integer daysBefore) {
    }
}
