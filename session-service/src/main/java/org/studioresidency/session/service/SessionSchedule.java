package org.studioresidency.session.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.studioresidency.session.domain.DistrictSetting;
import org.studioresidency.session.domain.HalfDay;
import org.studioresidency.session.domain.Pairing;
import org.studioresidency.session.domain.Session;
import org.studioresidency.session.event.SessionEvents;
import org.studioresidency.session.repository.SessionRepository;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The one place a session's schedule changes: the session takes the step (its own lifecycle method), then, in the same
 * transaction and in this order, the people's bookings, substitute coverage, the event, and the conflicts at the
 * half-day it left. Manual changes, plan publication and pairing changes all come through here.
 */
@ApplicationScoped
public class SessionSchedule {

    /** A plan's move of a published session: where it goes. */
    public record PlannedMove(Session session, LocalDate date, HalfDay halfDay) {
    }

    private final SessionRepository sessions;
    private final CoverageFollowing coverage;
    private final SessionEvents events;
    private final SessionConflicts conflicts;

    SessionSchedule(SessionRepository sessions, CoverageFollowing coverage, SessionEvents events, SessionConflicts conflicts) {
        this.sessions = sessions;
        this.coverage = coverage;
        this.events = events;
        this.conflicts = conflicts;
    }

    /** A planned session goes into people's calendars. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(Session session, Pairing pairing, DistrictSetting settings, OffsetDateTime now) {
        session.publish(now);
        book(session, pairing);
        coverage.follow(session, pairing);
        events.published(session, pairing, settings);
    }

    /** Moves a session; a published one takes its people, substitutes and calendar entries along. Null when it was there. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Session.Moved move(Session session, Pairing pairing, LocalDate date, HalfDay halfDay, DistrictSetting settings, OffsetDateTime now) {
        boolean booked = session.status.booksPeople();
        if (booked && !session.isAt(date, halfDay)) {
            sessions.releaseBookings(session.id);
            sessions.flush();
        }
        Session.Moved moved = session.moveTo(date, halfDay, now);
        if (moved != null && booked) {
            book(session, pairing);
            followMove(session, pairing, moved, settings, now);
        }
        return moved;
    }

    /** Cancels a session; a published one frees its people and substitutes and tells their calendars. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void cancel(Session session, Pairing pairing, String reason, DistrictSetting settings, OffsetDateTime now) {
        boolean wasPublished = session.cancel(reason, now);
        sessions.releaseBookings(session.id);
        if (wasPublished) {
            coverage.follow(session, pairing);
            events.cancelled(session, pairing, settings);
            conflicts.reassessAt(session.date, session.halfDay, now);
            conflicts.checkCap(null, session.date, now);
        }
    }

    /**
     * Publishes a plan in one step: the bookings of every session the plan moves are released before any session is
     * booked again, so moves that trade half-days between sessions sharing people apply in any order. The booking
     * table's key still refuses a real concurrent change.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyPlan(List<Session> toPublish, List<PlannedMove> moves, Function<UUID, Pairing> pairings, DistrictSetting settings,
                          OffsetDateTime now) {
        for (PlannedMove move : moves) {
            sessions.releaseBookings(move.session().id);
        }
        sessions.flush();
        List<Session.Moved> moved = new ArrayList<>(moves.size());
        for (PlannedMove move : moves) {
            Session session = move.session();
            moved.add(session.moveTo(move.date(), move.halfDay(), now));
            book(session, pairings.apply(session.pairingId));
        }
        for (Session session : toPublish) {
            session.publish(now);
            book(session, pairings.apply(session.pairingId));
        }
        for (int i = 0; i < moves.size(); i++) {
            Session session = moves.get(i).session();
            if (moved.get(i) != null) {
                followMove(session, pairings.apply(session.pairingId), moved.get(i), settings, now);
            }
        }
        for (Session session : toPublish) {
            Pairing pairing = pairings.apply(session.pairingId);
            coverage.follow(session, pairing);
            events.published(session, pairing, settings);
        }
    }

    private void followMove(Session session, Pairing pairing, Session.Moved moved, DistrictSetting settings, OffsetDateTime now) {
        coverage.follow(session, pairing);
        events.rescheduled(session, pairing, settings, moved);
        conflicts.reassessAt(moved.previousDate(), moved.previousHalfDay(), now);
        conflicts.checkCap(null, moved.previousDate(), now);
    }

    /**
     * Books the session's people into its half-day. A concurrent request that booked one of them first makes the
     * insert fail on the booking table's key; that is a conflict, not an error.
     */
    private void book(Session session, Pairing pairing) {
        List<UUID> people = new ArrayList<>(PlanningProblemFactory.participantIds(pairing));
        people.sort(null);
        try {
            sessions.book(session.id, people, session.date, session.halfDay);
            sessions.flush();
        } catch (PersistenceException e) {
            if (isUniqueViolation(e)) {
                throw new SessionException.Conflict("Someone on the team of " + pairing.label() + " was booked into another session on "
                        + session.date + " " + session.halfDay + " by a change made at the same moment. Nobody can be in two sessions"
                        + " in the same half-day: read the sessions again and retry.",
                        List.of(SessionException.Reason.of("Nobody in two sessions in the same half-day: a concurrent change booked a team member of "
                                + pairing.label() + " on " + session.date + " " + session.halfDay)));
            }
            throw e;
        }
    }

    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
