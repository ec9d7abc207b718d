package org.studioresidency.session.event;

import jakarta.enterprise.context.ApplicationScoped;
import org.studioresidency.session.domain.DistrictSetting;
import org.studioresidency.session.domain.SessionConflict;
import org.studioresidency.session.domain.HalfDay;
import org.studioresidency.session.domain.NextStep;
import org.studioresidency.session.repository.SessionRecordRepository;
import org.studioresidency.session.domain.Pairing;
import org.studioresidency.session.domain.Session;
import org.studioresidency.session.domain.TeamMember;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Writes the district.session events of deploy/EVENTS.md to the outbox, each with the session's full state. */
@ApplicationScoped
public class SessionEvents {

    public record SchoolName(UUID schoolId, String name) {
    }

    public record ConsultantRef(UUID staffId, String name, String email) {
    }

    public record Member(UUID staffId, String name, String email, String role, UUID schoolId, String teamRole) {
    }

    public record SessionState(UUID sessionId, UUID pairingId, UUID schoolYearId, int number, LocalDate date, HalfDay halfDay,
                               OffsetDateTime startsAt, OffsetDateTime endsAt, String status, SchoolName hostSchool,
                               List<SchoolName> residencySchools, ConsultantRef consultant, List<Member> participants,
                               String icsUid, int icsSequence) {
    }

    public record Published(SessionState session) {
    }

    public record Rescheduled(SessionState session, LocalDate previousDate, HalfDay previousHalfDay) {
    }

    public record Cancelled(SessionState session, String reason) {
    }

    public record AttendanceEntry(UUID staffId, String name, boolean present) {
    }

    public record NextStepState(UUID nextStepId, String description, UUID ownerStaffId, String ownerName, UUID ownerSchoolId,
                                LocalDate dueDate, String status, OffsetDateTime closedAt) {
    }

    public record ChangedBy(String subject, String role) {
    }

    /** {@code kind} (null for steps without one) and {@code evidence} (null unless given on closing) are optional additions. */
    public record NextStepStatusChanged(SessionState session, NextStepState nextStep, String previousStatus, ChangedBy changedBy,
                                        OffsetDateTime changedAt, String kind, String evidence) {
    }

    public record TeamChanged(SessionState session, int teamVersion, List<Member> added, List<Member> removed) {
    }

    public record Conflict(UUID conflictId, String kind, LocalDate date, HalfDay halfDay, UUID staffId, String staffName,
                           UUID otherSessionId, Integer substituteHalfDays, Integer cap, String detail, OffsetDateTime detectedAt) {
    }

    public record ConflictDetected(SessionState session, Conflict conflict) {
    }

    public record ConflictResolved(SessionState session, Conflict conflict, OffsetDateTime resolvedAt, String resolution) {
    }

    public record Summary(String focus, String problemOfPractice, String demonstrated, String notes, List<NextStepState> nextSteps,
                          List<AttendanceEntry> attendance) {
    }

    public record NextVisit(UUID sessionId, LocalDate date, HalfDay halfDay) {
    }

    public record Held(SessionState session, List<AttendanceEntry> attendance) {
    }

    public record Summarised(SessionState session, Summary summary, NextVisit nextVisit) {
    }

    public record NextStepReminder(SessionState session, NextStepState nextStep) {
    }

    private final Outbox outbox;

    SessionEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void published(Session session, Pairing pairing, DistrictSetting settings) {
        record("district.session.published.v1", session, new Published(state(session, pairing, settings)));
    }

    public void rescheduled(Session session, Pairing pairing, DistrictSetting settings, Session.Moved moved) {
        record("district.session.rescheduled.v1", session,
                new Rescheduled(state(session, pairing, settings), moved.previousDate(), moved.previousHalfDay()));
    }

    public void cancelled(Session session, Pairing pairing, DistrictSetting settings) {
        record("district.session.cancelled.v1", session, new Cancelled(state(session, pairing, settings), session.cancelReason));
    }

    public void nextStepStatusChanged(Session session, Pairing pairing, DistrictSetting settings, NextStep step,
                                      NextStep.StatusChanged change, String role) {
        record("district.session.next-step-status-changed.v1", session, new NextStepStatusChanged(state(session, pairing, settings),
                nextStep(step), change.previous().name(), new ChangedBy(change.by(), role), change.at(),
                step.kind == null ? null : step.kind.name(), change.evidence()));
    }

    public void teamChanged(Session session, Pairing pairing, DistrictSetting settings, List<TeamMember> added, List<TeamMember> removed) {
        record("district.session.team-changed.v1", session, new TeamChanged(state(session, pairing, settings), pairing.teamVersion,
                added.stream().map(SessionEvents::member).toList(), removed.stream().map(SessionEvents::member).toList()));
    }

    public void conflictDetected(Session session, Pairing pairing, DistrictSetting settings, SessionConflict conflict) {
        record("district.session.conflict-detected.v1", session, new ConflictDetected(state(session, pairing, settings), conflict(conflict)));
    }

    public void conflictResolved(Session session, Pairing pairing, DistrictSetting settings, SessionConflict conflict) {
        record("district.session.conflict-resolved.v1", session, new ConflictResolved(state(session, pairing, settings), conflict(conflict),
                conflict.resolvedAt, conflict.resolution));
    }

    private static Conflict conflict(SessionConflict c) {
        return new Conflict(c.id, c.kind.name(), c.date, c.halfDay, c.staffId, c.staffName, c.otherSessionId, c.substituteHalfDays, c.cap,
                c.detail, c.detectedAt);
    }

    public void held(Session session, Pairing pairing, DistrictSetting settings, List<SessionRecordRepository.Attendance> attendance) {
        record("district.session.held.v1", session, new Held(state(session, pairing, settings), entries(attendance)));
    }

    public void summarised(Session session, Pairing pairing, DistrictSetting settings, List<SessionRecordRepository.Attendance> attendance,
                           List<NextStep> nextSteps, Session nextVisit) {
        Summary summary = new Summary(session.focus == null ? null : session.focus.name(), session.problemOfPractice, session.demonstrated,
                session.notes, nextSteps.stream().map(SessionEvents::nextStep).toList(), entries(attendance));
        record("district.session.summarised.v1", session, new Summarised(state(session, pairing, settings), summary,
                nextVisit == null ? null : new NextVisit(nextVisit.id, nextVisit.date, nextVisit.halfDay)));
    }

    /** {@code overdue} false: the step is due soon. */
    public void nextStepReminder(Session session, Pairing pairing, DistrictSetting settings, NextStep step, boolean overdue) {
        record(overdue ? "district.session.next-step-overdue.v1" : "district.session.next-step-due-soon.v1", session,
                new NextStepReminder(state(session, pairing, settings), nextStep(step)));
    }

    private static List<AttendanceEntry> entries(List<SessionRecordRepository.Attendance> attendance) {
        return attendance.stream().map(a -> new AttendanceEntry(a.staffId(), a.name(), a.present())).toList();
    }

    public static NextStepState nextStep(NextStep step) {
        return new NextStepState(step.id, step.description, step.ownerStaffId, step.ownerName, step.ownerSchoolId, step.dueDate,
                step.status.name(), step.closedAt);
    }

    private void record(String type, Session session, Object data) {
        outbox.record(Topics.SESSION, type, "sessions/" + session.id, session.id, data);
    }

    public static SessionState state(Session session, Pairing pairing, DistrictSetting settings) {
        OffsetDateTime startsAt = settings.startsAt(session.date, session.halfDay);
        OffsetDateTime endsAt = settings.endsAt(session.date, session.halfDay);
        return new SessionState(session.id, session.pairingId, session.schoolYearId, session.number, session.date, session.halfDay,
                startsAt, endsAt, session.status.name(), new SchoolName(pairing.studioSchoolId, pairing.studioSchoolName),
                pairing.residencySchools.stream().map(s -> new SchoolName(s.schoolId, s.name)).toList(),
                pairing.consultant().map(c -> new ConsultantRef(c.staffId, c.name, null)).orElse(null),
                pairing.team.stream().map(SessionEvents::member).toList(), session.icsUid(), session.icsSequence);
    }

    /**
     * Least data: an email travels only for the people emails are sent to (principals and the central-office leader,
     * deploy/EVENTS.md); everyone else is named, not addressed.
     */
    private static Member member(TeamMember m) {
        return new Member(m.staffId, m.name, EMAILED_TEAM_ROLES.contains(m.teamRole) ? m.email : null, m.role, m.schoolId, m.teamRole);
    }

    /** The team roles notification-service writes to when the directory has not told it their address yet. */
    private static final java.util.Set<String> EMAILED_TEAM_ROLES = java.util.Set.of("PRINCIPAL", "ASSISTANT_PRINCIPAL", "CENTRAL_OFFICE_LEADER");
}
