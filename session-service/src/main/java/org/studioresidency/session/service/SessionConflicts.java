package org.studioresidency.session.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.studioresidency.session.domain.CoverageRequest;
import org.studioresidency.session.domain.CoverageStatus;
import org.studioresidency.session.domain.DistrictSetting;
import org.studioresidency.session.domain.HalfDay;
import org.studioresidency.session.domain.Pairing;
import org.studioresidency.session.domain.Session;
import org.studioresidency.session.domain.SessionConflict;
import org.studioresidency.session.domain.TeamMember;
import org.studioresidency.session.event.SessionEvents;
import org.studioresidency.session.repository.SessionRepository;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Hard rules broken for booked sessions by changes decided elsewhere (a team change in pairing-service): each is
 * recorded on the session, announced (notification-service alerts the district office) and resolved, announced again,
 * as soon as it no longer holds. The scheduler itself never creates one: manual changes and plans are refused instead.
 */
@ApplicationScoped
public class SessionConflicts {

    private final SessionRepository sessions;
    private final SessionEvents events;
    private final SettingsService settings;

    SessionConflicts(SessionRepository sessions, SessionEvents events, SettingsService settings) {
        this.sessions = sessions;
        this.events = events;
        this.settings = settings;
    }

    /** Team members the session could not book because another session already has them in that half-day. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void doubleBooked(Session session, Pairing pairing, List<UUID> unbooked, OffsetDateTime now) {
        for (UUID staffId : unbooked) {
            if (SessionConflict.count("sessionId = ?1 and kind = ?2 and staffId = ?3 and resolvedAt is null", session.id,
                    SessionConflict.Kind.PERSON_DOUBLE_BOOKED, staffId) > 0) {
                continue;
            }
            Session other = sessions.bookedSessionOf(staffId, session.date, session.halfDay).map(sessions::findById).orElse(null);
            String otherLabel = other == null ? null : Pairing.<Pairing>findByIdOptional(other.pairingId).map(Pairing::label).orElse("another pairing");
            String name = pairing.team.stream().filter(m -> m.staffId.equals(staffId)).map(m -> m.name).findFirst().orElse(null);
            SessionConflict conflict = SessionConflict.doubleBooking(session, staffId, name, other, otherLabel, now);
            conflict.persist();
            events.conflictDetected(session, pairing, DistrictSetting.current(), conflict);
        }
    }

    /**
     * After bookings changed at a half-day: a conflicted session whose person is free now books them; a conflict whose
     * session moved or was cancelled, or whose person left the team, no longer holds.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reassessAt(LocalDate date, HalfDay halfDay, OffsetDateTime now) {
        List<SessionConflict> open = SessionConflict.list("kind = ?1 and date = ?2 and halfDay = ?3 and resolvedAt is null",
                SessionConflict.Kind.PERSON_DOUBLE_BOOKED, date, halfDay);
        for (SessionConflict conflict : open) {
            Session session = sessions.findById(conflict.sessionId);
            Pairing pairing = Pairing.findById(session.pairingId);
            String who = conflict.staffName == null ? "The staff member" : conflict.staffName;
            String resolution;
            if (!session.status.booksPeople()) {
                resolution = "Session " + session.number + " was cancelled.";
            } else if (!session.isAt(conflict.date, conflict.halfDay)) {
                resolution = "Session " + session.number + " moved to " + session.date + " " + session.halfDay + ".";
            } else if (pairing.team.stream().noneMatch(m -> m.staffId.equals(conflict.staffId))) {
                resolution = who + " is no longer on the team.";
            } else if (sessions.bookWherePossible(session.id, List.of(conflict.staffId), date, halfDay).isEmpty()) {
                resolution = who + " is free in that half-day now and is booked into session " + session.number + ".";
            } else {
                continue;
            }
            resolve(conflict, session, pairing, resolution, now);
        }
    }

    /**
     * Compares a date's substitute half-days with its cap. Over the cap, the session whose change went over carries
     * the conflict; back within it (or once that session left the date), the conflicts are resolved.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void checkCap(Session changed, LocalDate date, OffsetDateTime now) {
        long onDate = CoverageRequest.count("date = ?1 and status <> ?2", date, CoverageStatus.CANCELLED);
        int cap = settings.substituteCapOn(date);
        List<SessionConflict> open = SessionConflict.list("kind = ?1 and date = ?2 and resolvedAt is null",
                SessionConflict.Kind.SUBSTITUTE_CAP_EXCEEDED, date);
        for (SessionConflict conflict : open) {
            Session session = sessions.findById(conflict.sessionId);
            if (onDate <= cap) {
                resolve(conflict, session, Pairing.findById(session.pairingId),
                        date + " is within the daily substitute cap again (" + onDate + " of " + cap + ").", now);
            } else if (!session.status.booksPeople() || !session.date.equals(date)) {
                resolve(conflict, session, Pairing.findById(session.pairingId), "Session " + session.number + " is no longer on " + date + ".", now);
            }
        }
        if (onDate > cap && changed != null && changed.date.equals(date) && changed.status.booksPeople()
                && open.stream().noneMatch(c -> c.sessionId.equals(changed.id) && c.isOpen())) {
            SessionConflict conflict = SessionConflict.overCap(changed, (int) onDate, cap, now);
            conflict.persist();
            events.conflictDetected(changed, Pairing.findById(changed.pairingId), DistrictSetting.current(), conflict);
        }
    }

    public List<SessionConflict> openOf(UUID sessionId) {
        return SessionConflict.list("sessionId = ?1 and resolvedAt is null order by detectedAt, id", sessionId);
    }

    public List<SessionConflict> openOfYear(UUID schoolYearId) {
        return SessionConflict.list("resolvedAt is null and sessionId in (select s.id from Session s where s.schoolYearId = ?1)"
                + " order by date, halfDay, detectedAt", schoolYearId);
    }

    private void resolve(SessionConflict conflict, Session session, Pairing pairing, String resolution, OffsetDateTime now) {
        conflict.resolve(resolution, now);
        session.touch(now);
        events.conflictResolved(session, pairing, DistrictSetting.current(), conflict);
    }

}
