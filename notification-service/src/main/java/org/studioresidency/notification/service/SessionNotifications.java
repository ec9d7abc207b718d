package org.studioresidency.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.studioresidency.notification.config.NotificationConfig;
import org.studioresidency.notification.domain.NextStep;
import org.studioresidency.notification.domain.PairingMember;
import org.studioresidency.notification.domain.Session;
import org.studioresidency.notification.event.PairingEvents;
import org.studioresidency.notification.event.ProcessedEvents;
import org.studioresidency.notification.event.SessionEvents;
import org.studioresidency.notification.event.SessionEvents.NextStepState;
import org.studioresidency.notification.event.SessionEvents.SessionEvent;
import org.studioresidency.notification.event.SessionEvents.SessionState;
import org.studioresidency.notification.mail.Emails;
import org.studioresidency.notification.mail.MailViews.SessionView;
import org.studioresidency.notification.mail.RenderedEmail;
import org.studioresidency.notification.mail.SessionCalendar;
import org.studioresidency.notification.repository.NextStepRepository;
import org.studioresidency.notification.repository.RecipientPreferenceRepository;
import org.studioresidency.notification.repository.SessionRepository;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Applies session-service's events: keeps the sessions' latest state, participants and next steps, and records the
 * session summaries, the schedule-change notices (with their calendar update) and the conflict alerts that follow.
 */
@ApplicationScoped
public class SessionNotifications {

    private static final String CONSUMER = "session";
    /** A status change that names no time counts as older than any dated one. */
    private static final OffsetDateTime UNDATED = OffsetDateTime.ofInstant(Instant.EPOCH, ZoneOffset.UTC);

    private final ProcessedEvents processed;
    private final SessionRepository sessions;
    private final NextStepRepository nextSteps;
    private final RecipientPreferenceRepository preferences;
    private final Recipients recipients;
    private final DeliveryQueue queue;
    private final Emails emails;
    private final ConflictAlerts conflicts;
    private final ZoneId zone;
    private final String organizer;
    private final CalendarLinks calendarLinks;

    SessionNotifications(ProcessedEvents processed, SessionRepository sessions, NextStepRepository nextSteps,
                         RecipientPreferenceRepository preferences, Recipients recipients, DeliveryQueue queue,
                         Emails emails, ConflictAlerts conflicts, NotificationConfig config, CalendarLinks calendarLinks) {
        this.processed = processed;
        this.sessions = sessions;
        this.nextSteps = nextSteps;
        this.preferences = preferences;
        this.recipients = recipients;
        this.queue = queue;
        this.emails = emails;
        this.conflicts = conflicts;
        this.zone = config.district().timeZone();
        this.organizer = config.district().officeEmail();
        this.calendarLinks = calendarLinks;
    }

    /**
     * Applies one session event. {@code time} is when session-service wrote it (the CloudEvent {@code time}); it dates
     * a next step's status change that names no {@code changedAt}.
     */
    @Transactional
    public void apply(String eventId, String type, OffsetDateTime time, SessionEvent event) {
        if (!processed.claim(CONSUMER, eventId)) {
            return;
        }
        SessionState state = Objects.requireNonNull(event.session(), "session");
        Session session = keepLatest(type, state, event);
        switch (type) {
            case SessionEvents.SUMMARISED -> summarised(eventId, session, state, event);
            case SessionEvents.RESCHEDULED -> scheduleChanged(eventId, session, state, false,
                    MailViewMapping.date(event.previousDate()) + " (" + MailViewMapping.halfDay(event.previousHalfDay()) + ")", null);
            case SessionEvents.CANCELLED -> scheduleChanged(eventId, session, state, true, null, event.reason());
            case SessionEvents.NEXT_STEP_DUE_SOON, SessionEvents.NEXT_STEP_OVERDUE -> {
                if (event.nextStep() != null) {
                    keep(session, event.nextStep(), null);
                }
            }
            case SessionEvents.NEXT_STEP_STATUS_CHANGED -> keep(session, Objects.requireNonNull(event.nextStep(), "nextStep"),
                    event.changedAt() != null ? event.changedAt() : time != null ? time : UNDATED);
            case SessionEvents.CONFLICT_DETECTED -> conflicts.detected(eventId, session, state.participantsOrEmpty(),
                    Objects.requireNonNull(event.conflict(), "conflict"));
            case SessionEvents.CONFLICT_RESOLVED -> conflicts.resolved(eventId, session, state.participantsOrEmpty(),
                    Objects.requireNonNull(event.conflict(), "conflict"), event.resolvedAt(), event.resolution());
            default -> {
                // published, held and team-changed only refresh the session's state and participants
            }
        }
    }

    private Session keepLatest(String type, SessionState state, SessionEvent event) {
        Objects.requireNonNull(state.sessionId(), "session.sessionId");
        Session session = sessions.findByIdOptional(state.sessionId()).orElseGet(Session::new);
        boolean newer = session.id == null || !(state.icsSequence() < session.icsSequence
                || (state.icsSequence() == session.icsSequence && Session.progress(state.status()) < Session.progress(session.status)));
        if (newer) { // else a relayed older version, which must not move the session back
            keepSchedule(session, state);
        }
        boolean teamChange = SessionEvents.TEAM_CHANGED.equals(type) && event.teamVersion() != null;
        if (teamChange ? event.teamVersion() >= session.teamVersion : newer) {
            keepParticipants(session, state.participantsOrEmpty());
            if (teamChange) {
                session.teamVersion = event.teamVersion(); // an older team change relayed late must not bring back the old team
            }
        }
        sessions.persist(session);
        return session;
    }

    private static void keepSchedule(Session session, SessionState state) {
        session.id = state.sessionId();
        session.pairingId = Objects.requireNonNull(state.pairingId(), "session.pairingId");
        session.schoolYearId = state.schoolYearId();
        session.number = state.number();
        session.date = Objects.requireNonNull(state.date(), "session.date");
        session.halfDay = Objects.requireNonNull(state.halfDay(), "session.halfDay");
        session.startsAt = state.startsAt();
        session.endsAt = state.endsAt();
        session.status = Objects.requireNonNull(state.status(), "session.status");
        session.hostSchoolId = Objects.requireNonNull(state.hostSchool(), "session.hostSchool").schoolId();
        session.hostSchoolName = state.hostSchool().name();
        session.residencyNames = MailViewMapping.residencyNames(state.residencySchoolsOrEmpty());
        session.consultantName = state.consultant() == null ? null : state.consultant().name();
        session.icsUid = state.icsUid() != null ? state.icsUid() : state.sessionId() + "@studio-residency";
        session.icsSequence = state.icsSequence();
        session.schoolIds.clear();
        session.schoolIds.add(session.hostSchoolId);
        state.residencySchoolsOrEmpty().forEach(s -> session.schoolIds.add(s.schoolId()));
    }

    private static void keepParticipants(Session session, List<PairingEvents.Member> participants) {
        Set<UUID> seen = new HashSet<>();
        session.participants.clear();
        for (PairingEvents.Member m : participants) {
            if (m.staffId() == null || !seen.add(m.staffId())) {
                continue;
            }
            PairingMember member = new PairingMember();
            member.staffId = m.staffId();
            member.name = m.name();
            member.email = m.email();
            member.schoolId = m.schoolId();
            member.teamRole = m.teamRole();
            session.participants.add(member);
        }
    }

    private void summarised(String eventId, Session session, SessionState state, SessionEvent event) {
        SessionEvents.Summary summary = Objects.requireNonNull(event.summary(), "summary");
        session.focus = summary.focus();
        session.problemOfPractice = summary.problemOfPractice();
        session.summarisedAt = OffsetDateTime.now();
        summary.nextStepsOrEmpty().forEach(step -> keep(session, step, null));
        SessionView view = MailViewMapping.session(session, zone);
        var summaryView = MailViewMapping.summary(summary, event.nextVisit(), LocalDate.now(zone));
        for (Recipient recipient : recipients.principalsAndLeader(session.schoolIds, session.pairingId, state.participantsOrEmpty())) {
            if (recipient.isPrincipal() && preferences.findByIdOptional(recipient.schoolId())
                    .map(p -> p.holdsSummariesForDigest()).orElse(false)) {
                continue; // this principal reads summaries in their weekly digest
            }
            queue.record(recipient, DeliveryQueue.dedupeKey(Emails.SESSION_SUMMARY, eventId, recipient), List.of(eventId),
                    emails.sessionSummary(recipient.name(), view, summaryView));
        }
    }

    private void scheduleChanged(String eventId, Session session, SessionState state, boolean cancelled,
                                 String previously, String reason) {
        SessionView view = MailViewMapping.session(session, zone);
        String method = cancelled ? SessionCalendar.CANCEL : SessionCalendar.REQUEST;
        SessionCalendar.Entry entry = MailViewMapping.calendarEntry(session, zone);
        for (Recipient recipient : recipients.principalsAndLeader(session.schoolIds, session.pairingId, state.participantsOrEmpty())) {
            // Each schedule change is rendered per recipient, so it carries that recipient's own feed link only.
            RenderedEmail email = emails.scheduleChange(recipient.name(), view, cancelled, previously, reason,
                            calendarLinks.of(recipient).orElse(null))
                    .withCalendar(SessionCalendar.render(entry, method, organizer, recipient.email()), method);
            queue.record(recipient, DeliveryQueue.dedupeKey(Emails.SCHEDULE_CHANGE, eventId, recipient), List.of(eventId), email);
        }
    }

    /**
     * Keeps a next step's state; a step not heard of yet is created from it. {@code changedAt} is the time of a status
     * change, null for the state a summary or a due-soon/overdue reminder carries. A status change older than the one
     * kept, or a summary's or reminder's state once a status change has been kept, changes nothing: a step done or
     * dropped is not reopened by an event relayed late or read before the change.
     */
    private void keep(Session session, NextStepState state, OffsetDateTime changedAt) {
        if (state.nextStepId() == null) {
            return;
        }
        NextStep step = nextSteps.findByIdOptional(state.nextStepId()).orElse(null);
        if (step == null) {
            if (state.description() == null) {
                return; // nothing a digest could show
            }
            step = new NextStep();
            step.id = state.nextStepId();
        } else if (changedAt != null ? !step.takesStatusChangeAt(changedAt) : !step.takesSnapshot()) {
            return;
        }
        step.sessionId = session.id;
        if (state.description() != null) {
            step.description = state.description();
        }
        step.ownerStaffId = state.ownerStaffId();
        step.ownerName = state.ownerName();
        step.dueDate = state.dueDate();
        step.status = state.status() == null ? "OPEN" : state.status();
        step.closedAt = !NextStep.isClosed(step.status) ? null : state.closedAt() != null ? state.closedAt() : changedAt;
        if (changedAt != null) {
            step.changedAt = changedAt;
        }
        nextSteps.persist(step);
    }
}
