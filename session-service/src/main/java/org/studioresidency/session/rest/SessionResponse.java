package org.studioresidency.session.rest;

import org.studioresidency.session.domain.DistrictSetting;
import org.studioresidency.session.domain.HalfDay;
import org.studioresidency.session.domain.Pairing;
import org.studioresidency.session.domain.Session;
import org.studioresidency.session.domain.SessionConflict;
import org.studioresidency.session.service.SessionService;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

public record SessionResponse(UUID sessionId, UUID pairingId, UUID schoolYearId, int number, LocalDate date, HalfDay halfDay,
                              OffsetDateTime startsAt, OffsetDateTime endsAt, String status, @org.eclipse.microprofile.openapi.annotations.media.Schema(nullable = true) String cancelReason,
                              SessionParts.SchoolName hostSchool, List<SessionParts.SchoolName> residencySchools,
                              @org.eclipse.microprofile.openapi.annotations.media.Schema(nullable = true) SessionParts.ConsultantRef consultant, List<SessionParts.Member> participants,
                              @org.eclipse.microprofile.openapi.annotations.media.Schema(nullable = true) LocalDate proposedDate, @org.eclipse.microprofile.openapi.annotations.media.Schema(nullable = true) HalfDay proposedHalfDay, String icsUid, int icsSequence, long version,
                              boolean coverageAtRisk, List<SessionParts.ConflictResponse> conflicts) {

    static SessionResponse of(SessionService.SessionView view) {
        return of(view, List.of());
    }

    static SessionResponse of(SessionService.SessionView view, List<SessionConflict> conflicts) {
        Session s = view.session();
        Pairing p = view.pairing();
        DistrictSetting settings = view.settings();
        return new SessionResponse(s.id, s.pairingId, s.schoolYearId, s.number, s.date, s.halfDay,
                settings.startsAt(s.date, s.halfDay),
                settings.endsAt(s.date, s.halfDay), s.status.name(), s.cancelReason,
                new SessionParts.SchoolName(p.studioSchoolId, p.studioSchoolName),
                p.residencySchools.stream().map(r -> new SessionParts.SchoolName(r.schoolId, r.name)).toList(),
                p.consultant().map(c -> new SessionParts.ConsultantRef(c.staffId, c.name, c.email)).orElse(null),
                p.team.stream().map(SessionParts.Member::of).toList(), s.proposedDate, s.proposedHalfDay, s.icsUid(), s.icsSequence,
                s.version, s.coverageAtRisk, conflicts.stream().map(SessionParts.ConflictResponse::of).toList());
    }
}
