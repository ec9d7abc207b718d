package org.studioresidency.session.rest;

import org.studioresidency.session.domain.DistrictSetting;
import org.studioresidency.session.domain.HalfDay;
import org.studioresidency.session.repository.SessionListRepository;
import org.studioresidency.session.service.SessionService;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A session in a list: what a calendar or a table shows; its participants are in {@code GET /sessions/{id}}. */
public record SessionListItem(UUID sessionId, UUID pairingId, UUID schoolYearId, int number, LocalDate date, HalfDay halfDay,
                              OffsetDateTime startsAt, OffsetDateTime endsAt, String status, @org.eclipse.microprofile.openapi.annotations.media.Schema(nullable = true) String cancelReason,
                              SessionParts.SchoolName hostSchool, List<SessionParts.SchoolName> residencySchools,
                              @org.eclipse.microprofile.openapi.annotations.media.Schema(nullable = true) SessionParts.ConsultantRef consultant, @org.eclipse.microprofile.openapi.annotations.media.Schema(nullable = true) LocalDate proposedDate, @org.eclipse.microprofile.openapi.annotations.media.Schema(nullable = true) HalfDay proposedHalfDay, int icsSequence,
                              long version, boolean coverageAtRisk) {

    static SessionListItem of(SessionService.ListedSession listed) {
        SessionListRepository.ListedRow s = listed.session();
        DistrictSetting settings = listed.settings();
        return new SessionListItem(s.id(), s.pairingId(), s.schoolYearId(), s.number(), s.date(), s.halfDay(),
                settings.startsAt(s.date(), s.halfDay()),
                settings.endsAt(s.date(), s.halfDay()), s.status().name(), s.cancelReason(),
                new SessionParts.SchoolName(s.hostSchool().schoolId(), s.hostSchool().name()),
                s.residencySchools().stream().map(r -> new SessionParts.SchoolName(r.schoolId(), r.name())).toList(),
                s.consultant() == null ? null : new SessionParts.ConsultantRef(s.consultant().staffId(), s.consultant().name(), s.consultant().email()),
                s.proposedDate(), s.proposedHalfDay(), s.icsSequence(), s.version(), s.coverageAtRisk());
    }

    /** One page of sessions; {@code total} counts every session the filters match (also in X-Total-Count). */
    public record Page(List<SessionListItem> items, int page, int size, long total) {
        static final String TOTAL_HEADER = "X-Total-Count";
    }
}
