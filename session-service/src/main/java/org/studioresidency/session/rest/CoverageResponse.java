package org.studioresidency.session.rest;

import org.studioresidency.session.domain.CoverageRequest;
import org.studioresidency.session.domain.HalfDay;
import org.studioresidency.session.event.CoverageEvents;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

public record CoverageResponse(UUID coverageRequestId, UUID sessionId, UUID pairingId, LocalDate date, HalfDay halfDay,
                               CoverageEvents.Teacher teacher, String status, CoverageEvents.Substitute substitute, String hrJobId,
                               int revision, boolean atRisk, OffsetDateTime updatedAt) {

    static CoverageResponse of(CoverageRequest r) {
        CoverageEvents.CoverageState s = CoverageEvents.state(r);
        return new CoverageResponse(s.coverageRequestId(), s.sessionId(), s.pairingId(), s.date(), s.halfDay(), s.teacher(), s.status(),
                s.substitute(), r.hrJobId, r.revision, r.atRiskRaised, r.updatedAt);
    }
}
