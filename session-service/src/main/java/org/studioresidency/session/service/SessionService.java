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
import org.studioresidency.session.domain.SessionConflict;
import org.studioresidency.session.repository.SessionListRepository;
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
    private final SessionSchedule schedule;
    private final SessionConflicts conflicts;
    private final SessionListRepository sessionList;

    SessionService(SessionRepository sessions, PlanningProblemFactory problems, SessionSolver solver, SessionSchedule schedule,
                   SessionConflicts conflicts, SessionListRepository sessionList) {
        this.sessionList = sessionList;
        this.sessions = sessions;
        this.problems = problems;
        this.solver = solver;
        this.schedule = schedule;
        this.conflicts = conflicts;
    }

    /** Open conflicts of a session, or of the year's sessions. */
    public List<SessionConflict> conflictsOf(UUID sessionId) {
        return conflicts.openOf(sessionId);
    }

    public List<SessionConflict> conflictsOfYear(UUID schoolYearId) {
        return conflicts.openOfYear(schoolYearId);
    }

    /** Which sessions of a year a list shows: each filter is optional. */
    public record Filter(UUID pairingId, UUID schoolId, LocalDate from, LocalDate to, SessionStatus status) {
    }

    /** A session as a list shows it: with its pairing's schools and consultant, not the whole team. */
    public record ListedSession(SessionListRepository.ListedRow session, DistrictSetting settings) {
    }

    /** One page of a list and the size of the whole list. */
    public record Page(List<ListedSession> items, int page, int size, long total) {
    }

    /**
     * A page of the year's sessions by date, filtered; a principal's are those of their school's pairings whatever the
     * filter says. Two or three statements read the page with its pairings' schools and consultants and the total,
     * whatever the page size (SessionListRepository).
     */
    public Page page(UUID schoolYearId, Filter filter, Optional<UUID> onlySchool, int page, int size) {
        SessionListRepository.Rows rows = sessionList.page(new SessionListRepository.Criteria(schoolYearId, filter.pairingId(), filter.schoolId(),
                onlySchool.orElse(null), filter.from(), filter.to(), filter.status()), page, size);
        DistrictSetting settings = DistrictSetting.current();
        return new Page(rows.items().stream().map(row -> new ListedSession(row, settings)).toList(), page, size, rows.total());
    }

    public SessionView get(UUID sessionId, Optional<UUID> onlySchool) {
        // The session, its pairing with the pairing's two collections, and the district's settings (one row, always
        // there) in one statement (it was five): every read of a session and of its record starts here.
        List<Object[]> rows = sessions.getEntityManager().createNamedQuery(Session.WITH_PAIRING_AND_SETTINGS, Object[].class)
                .setParameter(1, sessionId).setParameter(2, DistrictSetting.ID).getResultList();
        if (rows.isEmpty()) {
            throw new SessionException.NotFound("Session", sessionId);
        }
        Session session = (Session) rows.get(0)[0];
        Pairing pairing = (Pairing) rows.get(0)[1];
        if (onlySchool.isPresent() && !pairing.concernsSchool(onlySchool.get())) {
            throw new SessionException.NotFound("Session", sessionId);
        }
        return new SessionView(session, pairing, (DistrictSetting) rows.get(0)[2]);
    }

    /** A slot the session could move to, and how much better or worse the year's score would be. */
    public record Alternative(LocalDate date, HalfDay halfDay, String scoreImpact, boolean breaksNoHardRule) {
    }

    /** The best slots for one session given every other session, best first (the current slot left out). */
    public List<Alternative> alternatives(UUID sessionId, int limit) {
        Session session = sessions.findByIdOptional(sessionId).orElseThrow(() -> new SessionException.NotFound("Session", sessionId));
        if (!session.canStillChange()) {
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
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Session session = Session.planned(UUID.randomUUID(), pairing.id, pairing.schoolYearId, sessions.nextNumber(pairing.id), date, halfDay,
                null, now);
        refuseConflicts(year, session, pairing, date, halfDay);
        try {
            sessions.persistAndFlush(session);
        } catch (PersistenceException e) {
            if (SessionSchedule.isUniqueViolation(e)) {
                throw new SessionException.Conflict("Another session was added to " + pairing.label() + " at the same moment. Read its sessions again and retry.");
            }
            throw e;
        }
        DistrictSetting settings = DistrictSetting.current();
        schedule.publish(session, pairing, settings, now);
        return new SessionView(session, pairing, settings);
    }

    @Transactional
    public SessionView move(UUID sessionId, long expectedVersion, LocalDate date, HalfDay halfDay) {
        Session session = current(sessionId, expectedVersion);
        Pairing pairing = Pairing.findById(session.pairingId);
        DistrictSetting settings = DistrictSetting.current();
        if (!session.canStillChange()) {
            throw new SessionException.Conflict("Session " + session.number + " is " + session.status
                    + "; only planned or published sessions can be moved.");
        }
        if (!session.isAt(date, halfDay)) {
            refuseConflicts(yearOf(pairing), session, pairing, date, halfDay);
        }
        schedule.move(session, pairing, date, halfDay, settings, OffsetDateTime.now(ZoneOffset.UTC));
        sessions.flush();
        return new SessionView(session, pairing, settings);
    }

    @Transactional
    public SessionView cancel(UUID sessionId, long expectedVersion, String reason) {
        Session session = current(sessionId, expectedVersion);
        Pairing pairing = Pairing.findById(session.pairingId);
        DistrictSetting settings = DistrictSetting.current();
        if (session.status != SessionStatus.CANCELLED) {
            schedule.cancel(session, pairing, reason, settings, OffsetDateTime.now(ZoneOffset.UTC));
            sessions.flush();
        }
        return new SessionView(session, pairing, settings);
    }

    /** Pairing-service may announce a pairing before its school year reaches this service. */
    private static SchoolYear yearOf(Pairing pairing) {
        return SchoolYear.<SchoolYear>findByIdOptional(pairing.schoolYearId).orElseThrow(() -> new SessionException.Conflict(
                "The school year of " + pairing.label() + " has not reached this service yet; try again in a moment."));
    }

    Session current(UUID sessionId, long expectedVersion) {
        Session session = sessions.findByIdOptional(sessionId).orElseThrow(() -> new SessionException.NotFound("Session", sessionId));
        if (expectedVersion != session.version) {
            throw new SessionException.StaleVersion("Session " + sessionId);
        }
        return session;
    }

    /** Refuses a date and half-day that would break a hard rule, listing each conflict in words. */
    void refuseConflicts(SchoolYear year, Session session, Pairing pairing, LocalDate date, HalfDay halfDay) {
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
