package org.studioresidency.session.event;

import jakarta.enterprise.context.ApplicationScoped;
import org.studioresidency.session.domain.CoverageRequest;
import org.studioresidency.session.domain.HalfDay;

import java.time.LocalDate;
import java.util.UUID;

/** Writes the district.coverage events of deploy/EVENTS.md to the outbox, each with the request's full state. */
@ApplicationScoped
public class CoverageEvents {

    /** {@code email} is always null (least data: no consumer writes to teachers); the field stays for v1 readers. */
    public record Teacher(UUID staffId, String name, String email, UUID schoolId) {
    }

    public record Substitute(String id, String name) {
    }

    public record CoverageState(UUID coverageRequestId, UUID sessionId, UUID pairingId, LocalDate date, HalfDay halfDay,
                                Teacher teacher, String status, Substitute substitute) {
    }

    public record AtRisk(UUID coverageRequestId, UUID sessionId, UUID pairingId, LocalDate date, HalfDay halfDay,
                         Teacher teacher, String status, Substitute substitute, int daysBefore) {
    }

    private final Outbox outbox;

    CoverageEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void requested(CoverageRequest request) {
        record("district.coverage.requested.v1", request, state(request));
    }

    public void filled(CoverageRequest request) {
        record("district.coverage.filled.v1", request, state(request));
    }

    public void unfilled(CoverageRequest request) {
        record("district.coverage.unfilled.v1", request, state(request));
    }

    public void cancelled(CoverageRequest request) {
        record("district.coverage.cancelled.v1", request, state(request));
    }

    public void atRisk(CoverageRequest request, int daysBefore) {
        CoverageState s = state(request);
        record("district.coverage.at-risk.v1", request, new AtRisk(s.coverageRequestId(), s.sessionId(), s.pairingId(), s.date(),
                s.halfDay(), s.teacher(), s.status(), s.substitute(), daysBefore));
    }

    public static CoverageState state(CoverageRequest r) {
        return new CoverageState(r.id, r.sessionId, r.pairingId, r.date, r.halfDay,
                new Teacher(r.staffId, r.teacherName, null, r.schoolId), r.status.name(),
                r.substituteId == null && r.substituteName == null ? null : new Substitute(r.substituteId, r.substituteName));
    }

    private void record(String type, CoverageRequest request, Object data) {
        outbox.record(Topics.COVERAGE, type, "coverage-requests/" + request.id, request.id, data);
    }
}
