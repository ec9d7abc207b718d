package org.studioresidency.session.rest;

import org.studioresidency.session.domain.HalfDay;
import org.studioresidency.session.event.SessionEvents;
import org.studioresidency.session.service.SessionService;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

public record SessionResponse(UUID sessionId, UUID pairingId, UUID schoolYearId, int number, LocalDate date, HalfDay halfDay,
                              OffsetDateTime startsAt, OffsetDateTime endsAt, String status, String cancelReason,
                              SessionEvents.SchoolName hostSchool, List<SessionEvents.SchoolName> residencySchools,
                              SessionEvents.ConsultantRef consultant, List<SessionEvents.Member> participants,
                              LocalDate proposedDate, HalfDay proposedHalfDay, String icsUid, int icsSequence, long version,
                              boolean coverageAtRisk) {

    static SessionResponse of(SessionService.SessionView view) {
        SessionEvents.SessionState s = SessionEvents.state(view.session(), view.pairing(), view.settings());
        return new SessionResponse(s.sessionId(), s.pairingId(), s.schoolYearId(), s.number(), s.date(), s.halfDay(), s.startsAt(),
                s.endsAt(), s.status(), view.session().cancelReason, s.hostSchool(), s.residencySchools(), s.consultant(),
                s.participants(), view.session().proposedDate, view.session().proposedHalfDay, s.icsUid(), s.icsSequence(),
                view.session().version, view.session().coverageAtRisk);
    }
}
