package org.studioresidency.session.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.studioresidency.session.domain.DistrictSetting;
import org.studioresidency.session.domain.HalfDay;
import org.studioresidency.session.domain.Pairing;
import org.studioresidency.session.domain.SchoolYear;
import org.studioresidency.session.domain.Session;
import org.studioresidency.session.domain.SessionStatus;
import org.studioresidency.session.event.SessionEvents;
import org.studioresidency.session.repository.SessionRepository;
import org.studioresidency.session.solver.PlanExplanation;
import org.studioresidency.session.solver.PlannedSession;
import org.studioresidency.session.solver.Slot;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Sessions: reading them, and creating, moving and cancelling them by hand under the district's hard rules. */
@ApplicationScoped
public class SessionService {

    /** A session with the pairing it belongs to. */
    public record SessionView(Session session, Pairing pairing, DistrictSetting settings) {
    }

    private final SessionRepository sessions;
    private final PlanningProblemFactory problems;
    private final SessionSolver solver;
    private final SessionEvents events;

    SessionService(SessionRepository sessions, PlanningProblemFactory problems, SessionSolver solver, SessionEvents events) {
        this.sessions = sessions;
        this.problems = problems;
        this.solver = solver;
        this.events = events;
    }

    /** The year's sessions; for a principal only those of pairings their school is in. */
    /**
     * The year's sessions; a principal's only those of their school's pairings, looked up by school in the database
     * so that a principal's read does not load the whole district's year.
     */
    public List<SessionView> list(UUID schoolYearId, Optional<UUID> onlySchool) {
        DistrictSetting settings = DistrictSetting.current();
        List<Pairing> pairings = onlySchool.map(school -> Pairing.ofYearConcerningSchool(schoolYearId, school))
                .orElseGet(() -> Pairing.list("schoolYearId", schoolYearId));
        java.util.Map<UUID, Pairing> byId = new java.util.HashMap<>();
        pairings.forEach(p -> byId.put(p.id, p));
        List<Session> found = onlySchool.isPresent()
                ? sessions.ofPairings(byId.keySet()).stream().filter(s -> s.schoolYearId.equals(schoolYearId)).toList()
                : sessions.ofYear(schoolYearId);
        List<SessionView> views = new ArrayList<>(found.size());
        for (Session session : found) {
            Pairing pairing = byId.computeIfAbsent(session.pairingId, id -> Pairing.findById(id));
            views.add(new SessionView(session, pairing, settings));
        }
        return views;
    }

    public SessionView get(UUID sessionId, Optional<UUID> onlySchool) {
        Session session = sessions.findByIdOptional(sessionId).orElseThrow(() -> new SessionException.NotFound("Session", sessionId));
        Pairing pairing = Pairing.findById(session.pairingId);
        if (onlySchool.isPresent() && !pairing.concernsSchool(onlySchool.get())) {
            throw new SessionException.NotFound("Session", sessionId);
        }
        return new SessionView(session, pairing, DistrictSetting.current());
    }

    /** A slot the session could move to, and how much better or worse the year's score would be. */
    public record Alternative(LocalDate date, HalfDay halfDay, String scoreImpact, boolean breaksNoHardRule) {
    }

    /** The best slots for one session given every other session, best first (the current slot left out). */
    public List<Alternative> alternatives(UUID sessionId, int limit) {
        Session session = sessions.findByIdOptional(sessionId).orElseThrow(() -> new SessionException.NotFound("Session", sessionId));
        if (session.status == SessionStatus.CANCELLED || session.status == SessionStatus.HELD || session.status == SessionStatus.SUMMARISED) {
            throw new SessionException.Conflict("Session " + session.number + " is " + session.status + "; it cannot move.");
        }
        Pairing pairing = Pairing.findById(session.pairingId);
        PlanningProblemFactory.Problem problem = problems.build(yearOf(pairing),
                s -> !s.id.equals(session.id) && (s.status != SessionStatus.PLANNED || s.pairingId.equals(session.pairingId)), false);
        Slot current = problem.slot(session.date, session.halfDay);
        PlannedSession candidate = problem.candidate(pairing, session.id, session.number, problem.plan().getSlots().get(0));
        candidate.setSlot(null);
        problem.plan().getSessions().add(candidate);
        return solver.solutions().recommendAssignment(problem.plan(), candidate, PlannedSession::getSlot).stream()
                .filter(r -> r.proposition() != null && !r.proposition().equals(current))
                .limit(limit)
                .map(r -> new Alternative(r.proposition().date(), r.proposition().halfDay(), r.scoreAnalysisDiff().score().toString(),
                        r.scoreAnalysisDiff().score().hardScore() == 0))
                .toList();
    }

    /** A session added by hand is published at once: it goes into people's calendars. */
    @Transactional
    public SessionView create(UUID pairingId, LocalDate date, HalfDay halfDay) {
        Pairing pairing = Pairing.<Pairing>findByIdOptional(pairingId)
                .filter(p -> !p.dissolved)
                .orElseThrow(() -> new SessionException.InvalidField("pairingId", "is not an active pairing"));
        SchoolYear year = yearOf(pairing);
        Session session = new Session();
        session.id = UUID.randomUUID();
        session.pairingId = pairing.id;
        session.schoolYearId = pairing.schoolYearId;
        session.number = sessions.nextNumber(pairing.id);
        refuseConflicts(year, session, pairing, date, halfDay);
        session.date = date;
        session.halfDay = halfDay;
        session.status = SessionStatus.PUBLISHED;
        session.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        try {
            sessions.persistAndFlush(session);
        } catch (PersistenceException e) {
            if (isUniqueViolation(e)) {
                throw new SessionException.Conflict("Another session was added to " + pairing.label() + " at the same moment. Read its sessions again and retry.");
            }
            throw e;
        }
        book(session, pairing);
        DistrictSetting settings = DistrictSetting.current();
        events.published(session, pairing, settings);
        return new SessionView(session, pairing, settings);
    }

    @Transactional
    public SessionView move(UUID sessionId, Long expectedVersion, LocalDate date, HalfDay halfDay) {
        Session session = current(sessionId, expectedVersion);
        if (session.status != SessionStatus.PLANNED && session.status != SessionStatus.PUBLISHED) {
            throw new SessionException.Conflict("Session " + session.number + " is " + session.status
                    + "; only planned or published sessions can be moved.");
        }
        if (session.date.equals(date) && session.halfDay == halfDay) {
            return new SessionView(session, Pairing.findById(session.pairingId), DistrictSetting.current());
        }
        Pairing pairing = Pairing.findById(session.pairingId);
        refuseConflicts(yearOf(pairing), session, pairing, date, halfDay);
        LocalDate previousDate = session.date;
        HalfDay previousHalfDay = session.halfDay;
        session.date = date;
        session.halfDay = halfDay;
        session.proposedDate = null;
        session.proposedHalfDay = null;
        session.icsSequence++;
        session.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        DistrictSetting settings = DistrictSetting.current();
        if (session.status.booksPeople()) {
            sessions.releaseBookings(session.id);
            sessions.flush();
            book(session, pairing);
            events.rescheduled(session, pairing, settings, previousDate, previousHalfDay);
        }
        sessions.flush();
        return new SessionView(session, pairing, settings);
    }

    @Transactional
    public SessionView cancel(UUID sessionId, Long expectedVersion, String reason) {
        Session session = current(sessionId, expectedVersion);
        if (session.status == SessionStatus.CANCELLED) {
            return new SessionView(session, Pairing.findById(session.pairingId), DistrictSetting.current());
        }
        if (session.status == SessionStatus.HELD || session.status == SessionStatus.SUMMARISED) {
            throw new SessionException.Conflict("Session " + session.number + " has already been held; it cannot be cancelled.");
        }
        boolean wasPublished = session.status.booksPeople();
        session.status = SessionStatus.CANCELLED;
        session.cancelReason = reason;
        session.icsSequence++;
        session.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        sessions.releaseBookings(session.id);
        Pairing pairing = Pairing.findById(session.pairingId);
        DistrictSetting settings = DistrictSetting.current();
        if (wasPublished) {
            events.cancelled(session, pairing, settings);
        }
        sessions.flush();
        return new SessionView(session, pairing, settings);
    }

    /**
     * Books the session's people into its half-day. A concurrent request that booked one of them first makes the
     * insert fail on the booking table's key; that is a conflict, not an error.
     */
    void book(Session session, Pairing pairing) {
        List<UUID> people = new ArrayList<>(PlanningProblemFactory.participantIds(pairing));
        people.sort(null);
        try {
            sessions.book(session.id, people, session.date, session.halfDay);
        } catch (PersistenceException e) {
            if (isUniqueViolation(e)) {
                throw new SessionException.Conflict("Someone on the team of " + pairing.label() + " was booked into another session on "
                        + session.date + " " + session.halfDay + " at the same moment. Nobody can be in two sessions in the same half-day.",
                        List.of(SessionException.Reason.of("Nobody in two sessions in the same half-day: a concurrent change booked a team member of "
                                + pairing.label() + " on " + session.date + " " + session.halfDay)));
            }
            throw e;
        }
    }

    /** Pairing-service may announce a pairing before its school year reaches this service. */
    private static SchoolYear yearOf(Pairing pairing) {
        return SchoolYear.<SchoolYear>findByIdOptional(pairing.schoolYearId).orElseThrow(() -> new SessionException.Conflict(
                "The school year of " + pairing.label() + " has not reached this service yet; try again in a moment."));
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private Session current(UUID sessionId, Long expectedVersion) {
        Session session = sessions.findByIdOptional(sessionId).orElseThrow(() -> new SessionException.NotFound("Session", sessionId));
        if (expectedVersion != null && expectedVersion != session.version) {
            throw new SessionException.StaleVersion("Session " + sessionId);
        }
        return session;
    }

    /** Refuses a date and half-day that would break a hard rule, listing each conflict in words. */
    private void refuseConflicts(SchoolYear year, Session session, Pairing pairing, LocalDate date, HalfDay halfDay) {
        if (date.isBefore(year.firstDay) || date.isAfter(year.lastDay)) {
            throw new SessionException.InvalidField("date", "must be within the school year " + year.name + " ("
                    + year.firstDay + " to " + year.lastDay + ")");
        }
        PlanningProblemFactory.Problem problem = problems.build(year,
                s -> !s.id.equals(session.id) && (s.status != SessionStatus.PLANNED || s.pairingId.equals(session.pairingId)), false);
        Slot slot = problem.slot(date, halfDay);
        if (slot == null) {
            throw new SessionException.InvalidField("date", "must be a weekday (" + date.getDayOfWeek() + " is not)");
        }
        PlannedSession candidate = problem.candidate(pairing, session.id, session.number, slot);
        problem.plan().getSessions().add(candidate);
        PlanExplanation explanation = solver.explain(problem.plan());
        List<SessionException.Reason> conflicts = explanation.hardPenaltiesOf(session.id).stream()
                .map(p -> SessionException.Reason.of(p.constraint() + ": " + p.reason()))
                .distinct()
                .toList();
        if (!conflicts.isEmpty()) {
            throw new SessionException.Conflict("Session " + session.number + " of " + pairing.label() + " cannot be on " + date + " "
                    + halfDay + ": it would break " + conflicts.size() + " district rule(s).", conflicts);
        }
    }
}
