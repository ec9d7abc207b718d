package org.studioresidency.session.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.studioresidency.session.domain.DistrictSetting;
import org.studioresidency.session.domain.Focus;
import org.studioresidency.session.domain.NextStep;
import org.studioresidency.session.domain.Pairing;
import org.studioresidency.session.domain.PlanRecorder;
import org.studioresidency.session.domain.Session;
import org.studioresidency.session.domain.SessionStatus;
import org.studioresidency.session.domain.TeamMember;
import org.studioresidency.session.event.SessionEvents;
import org.studioresidency.session.repository.NextStepHistoryRepository;
import org.studioresidency.session.repository.SessionRecordRepository;
import org.studioresidency.session.repository.SessionRecordRepository.Attendance;
import org.studioresidency.session.repository.SessionRepository;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The record of a session: the principals' plan before it, what happened, and what people agreed to do next. */
@ApplicationScoped
public class SessionRecordService {

    public record SessionRecord(SessionService.SessionView view, List<Attendance> attendance, List<NextStep> nextSteps,
                                List<SessionRecordRepository.Evaluation> evaluations) {
    }

    public record Presence(@jakarta.validation.constraints.NotNull UUID staffId, boolean present) {
    }

    /** {@code kind} may be null (a step without a kind, as before try-on commitments had kinds). */
    public record PlannedStep(String description, UUID ownerStaffId, LocalDate dueDate, NextStep.Kind kind) {
        public PlannedStep(String description, UUID ownerStaffId, LocalDate dueDate) {
            this(description, ownerStaffId, dueDate, null);
        }
    }

    public record Summary(Focus focus, String problemOfPractice, String demonstrated, String notes, List<PlannedStep> nextSteps) {
    }

    private final SessionService sessions;
    private final SessionRepository sessionRows;
    private final SessionRecordRepository records;
    private final SessionEvents events;
    private final NextStepHistoryRepository history;

    SessionRecordService(SessionService sessions, SessionRepository sessionRows, SessionRecordRepository records, SessionEvents events,
                         NextStepHistoryRepository history) {
        this.sessions = sessions;
        this.sessionRows = sessionRows;
        this.records = records;
        this.events = events;
        this.history = history;
    }

    public SessionRecord get(UUID sessionId, Optional<UUID> onlySchool) {
        SessionService.SessionView view = sessions.get(sessionId, onlySchool);
        return new SessionRecord(view, records.attendance(sessionId), NextStep.list("sessionId = ?1 ORDER BY dueDate", sessionId),
                records.evaluationsOfSession(sessionId));
    }

    /** The principals' agreed focus and plan; a principal may record it only for a session their school takes part in. */
    @Transactional
    public SessionRecord planVisit(UUID sessionId, long expectedVersion, Optional<UUID> onlySchool, Focus focus, String problemOfPractice,
                                   String plan, String recordedBy) {
        PlanRecorder recordedAs = onlySchool.isPresent() ? PlanRecorder.PRINCIPAL : PlanRecorder.DISTRICT_OFFICE;
        current(sessionId, expectedVersion, onlySchool).planVisit(focus, problemOfPractice, plan, recordedBy, recordedAs, now());
        sessionRows.flush();
        return get(sessionId, onlySchool);
    }

    @Transactional
    public SessionRecord setAgenda(UUID sessionId, long expectedVersion, String agenda) {
        current(sessionId, expectedVersion, Optional.empty()).setAgenda(agenda, now());
        sessionRows.flush();
        return get(sessionId, Optional.empty());
    }

    /** The session took place: who was there. */
    @Transactional
    public SessionRecord held(UUID sessionId, long expectedVersion, List<Presence> presence) {
        Session session = current(sessionId, expectedVersion, Optional.empty());
        Pairing pairing = Pairing.findById(session.pairingId);
        List<Attendance> attendance = attendance(pairing, presence);
        session.hold(now());
        records.replaceAttendance(sessionId, attendance);
        sessionRows.flush();
        events.held(session, pairing, DistrictSetting.current(), attendance);
        return get(sessionId, Optional.empty());
    }

    /** The session's summary for the principals: notes and next steps, announced with the next visit. */
    @Transactional
    public SessionRecord summarise(UUID sessionId, long expectedVersion, Summary summary) {
        Session session = current(sessionId, expectedVersion, Optional.empty());
        Pairing pairing = Pairing.findById(session.pairingId);
        Map<UUID, TeamMember> team = pairing.team.stream().collect(Collectors.toMap(m -> m.staffId, Function.identity(), (a, b) -> a));
        List<NextStep> steps = new java.util.ArrayList<>();
        for (int i = 0; i < summary.nextSteps().size(); i++) {
            PlannedStep step = summary.nextSteps().get(i);
            TeamMember owner = team.get(step.ownerStaffId());
            if (owner == null) {
                throw new SessionException.InvalidField("nextSteps[" + i + "].ownerStaffId", "must be a member of the pairing's team");
            }
            if (step.dueDate().isBefore(session.date)) {
                throw new SessionException.InvalidField("nextSteps[" + i + "].dueDate", "must not be before the session (" + session.date + ")");
            }
            steps.add(NextStep.opened(sessionId, step.kind(), step.description(), owner.staffId, owner.name, owner.schoolId, step.dueDate()));
        }
        session.summarise(summary.focus(), summary.problemOfPractice(), summary.demonstrated(), summary.notes(), now());
        steps.forEach(step -> step.persist());
        sessionRows.flush();
        Session nextVisit = sessionRows.ofPairings(List.of(session.pairingId)).stream()
                .filter(s -> s.status == SessionStatus.PUBLISHED || s.status == SessionStatus.PLANNED)
                .filter(s -> s.date.isAfter(session.date) || (s.date.equals(session.date) && s.halfDay.compareTo(session.halfDay) > 0))
                .findFirst().orElse(null);
        events.summarised(session, pairing, DistrictSetting.current(), records.attendance(sessionId),
                NextStep.list("sessionId = ?1 ORDER BY dueDate", sessionId), nextVisit);
        return get(sessionId, Optional.empty());
    }

    /**
     * A next step's progress, announced with who changed it; a principal may update only the steps owned by people of
     * their school.
     */
    @Transactional
    public NextStep updateNextStep(UUID nextStepId, Optional<UUID> onlySchool, NextStep.Status status, long expectedVersion,
                                   String by, String role) {
        return updateNextStep(nextStepId, onlySchool, status, null, expectedVersion, by, role);
    }

    /** As above, with the evidence note given when the step is closed; every change is kept in the step's status history. */
    @Transactional
    public NextStep updateNextStep(UUID nextStepId, Optional<UUID> onlySchool, NextStep.Status status, String evidence, long expectedVersion,
                                   String by, String role) {
        NextStep step = nextStep(nextStepId, onlySchool);
        if (expectedVersion != step.version) {
            throw new SessionException.StaleVersion("Next step " + nextStepId);
        }
        if (!NextStep.acceptsEvidence(status, evidence)) {
            throw new SessionException.InvalidField("evidence", "is recorded only when the step is closed (DONE or DROPPED)");
        }
        NextStep.StatusChanged change = step.changeStatus(status, evidence, by, now());
        NextStep.flush();
        if (change != null) {
            history.record(step.id, change, role);
            Session session = Session.findById(step.sessionId);
            events.nextStepStatusChanged(session, Pairing.findById(session.pairingId), DistrictSetting.current(), step, change, role);
        }
        return step;
    }

    /** A next step's status changes, oldest first; a principal sees only those of steps owned by people of their school. */
    public List<NextStepHistoryRepository.StatusChange> nextStepHistory(UUID nextStepId, Optional<UUID> onlySchool) {
        return history.of(nextStep(nextStepId, onlySchool).id);
    }

    /** A next step; a principal sees only those owned by people of their school. */
    public NextStep nextStep(UUID nextStepId, Optional<UUID> onlySchool) {
        NextStep step = NextStep.<NextStep>findByIdOptional(nextStepId).orElseThrow(() -> new SessionException.NotFound("Next step", nextStepId));
        if (onlySchool.isPresent() && !onlySchool.get().equals(step.ownerSchoolId)) {
            throw new SessionException.NotFound("Next step", nextStepId);
        }
        return step;
    }

    @Transactional
    public void evaluate(UUID pairingId, UUID sessionId, UUID staffId, int rating, String comment) {
        Pairing pairing = Pairing.<Pairing>findByIdOptional(pairingId).orElseThrow(() -> new SessionException.NotFound("Pairing", pairingId));
        if (pairing.team.stream().noneMatch(m -> m.staffId.equals(staffId))) {
            throw new SessionException.InvalidField("staffId", "must be a member of the pairing's team");
        }
        if (sessionId != null) {
            Session session = open(sessionId, Optional.empty());
            if (session.status != SessionStatus.HELD && session.status != SessionStatus.SUMMARISED) {
                throw new SessionException.Conflict("Session " + session.number + " has not been held yet.");
            }
        }
        records.saveEvaluation(pairingId, sessionId, staffId, rating, comment);
    }

    private Session open(UUID sessionId, Optional<UUID> onlySchool) {
        return sessions.get(sessionId, onlySchool).session();
    }

    /** The session as the caller last read it (If-Match), within what the caller may see. */
    private Session current(UUID sessionId, long expectedVersion, Optional<UUID> onlySchool) {
        Session session = open(sessionId, onlySchool);
        if (session.version != expectedVersion) {
            throw new SessionException.StaleVersion("Session " + sessionId);
        }
        return session;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static List<Attendance> attendance(Pairing pairing, List<Presence> presence) {
        Map<UUID, Boolean> present = presence.stream().collect(Collectors.toMap(Presence::staffId, Presence::present, (a, b) -> b));
        for (UUID staffId : present.keySet()) {
            if (pairing.team.stream().noneMatch(m -> m.staffId.equals(staffId))) {
                throw new SessionException.InvalidField("attendance", "names " + staffId + ", who is not on the pairing's team");
            }
        }
        return pairing.team.stream().map(m -> m.staffId).distinct()
                .map(id -> pairing.team.stream().filter(m -> m.staffId.equals(id)).findFirst().orElseThrow())
                .map(m -> new Attendance(m.staffId, m.name, present.getOrDefault(m.staffId, false)))
                .toList();
    }
}
