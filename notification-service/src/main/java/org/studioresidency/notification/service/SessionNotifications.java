package org.studioresidency.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.studioresidency.notification.config.NotificationConfig;
import org.studioresidency.notification.domain.NextStep;
import org.studioresidency.notification.domain.Session;
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

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * Applies session-service's events: keeps the sessions' latest state and records the session summaries and the
 * schedule-change notices (with their calendar update) that follow from them.
 */
@ApplicationScoped
public class SessionNotifications {

    private static final String CONSUMER = "session";

    private final ProcessedEvents processed;
    private final SessionRepository sessions;
    private final NextStepRepository nextSteps;
    private final RecipientPreferenceRepository preferences;
    private final Recipients recipients;
    private final DeliveryQueue queue;
    private final Emails emails;
    private final ZoneId zone;
    private final String organizer;

    SessionNotifications(ProcessedEvents processed, SessionRepository sessions, NextStepRepository nextSteps,
                         RecipientPreferenceRepository preferences, Recipients recipients, DeliveryQueue queue,
                         Emails emails, NotificationConfig config) {
        this.processed = processed;
        this.sessions = sessions;
        this.nextSteps = nextSteps;
        this.preferences = preferences;
        this.recipients = recipients;
        this.queue = queue;
        this.emails = emails;
        this.zone = config.district().timeZone();
        this.organizer = config.district().officeEmail();
    }

    @Transactional
    public void apply(String eventId, String type, SessionEvent event) {
        if (!processed.claim(CONSUMER, eventId)) {
            return;
        }
        SessionState state = Objects.requireNonNull(event.session(), "session");
        Session session = keepLatest(state);
        switch (type) {
            case SessionEvents.SUMMARISED -> summarised(eventId, session, state, event);
            case SessionEvents.RESCHEDULED -> scheduleChanged(eventId, session, state, false,
                    MailViewMapping.date(event.previousDate()) + " (" + MailViewMapping.halfDay(event.previousHalfDay()) + ")", null);
            case SessionEvents.CANCELLED -> scheduleChanged(eventId, session, state, true, null, event.reason());
            case SessionEvents.NEXT_STEP_DUE_SOON, SessionEvents.NEXT_STEP_OVERDUE -> {
                if (event.nextStep() != null) {
                    keep(session, event.nextStep());
                }
            }
            default -> {
                // published and held only refresh the session's state
            }
        }
    }

    private Session keepLatest(SessionState state) {
        Objects.requireNonNull(state.sessionId(), "session.sessionId");
        Session session = sessions.findByIdOptional(state.sessionId()).orElseGet(Session::new);
        if (session.id != null && (state.icsSequence() < session.icsSequence
                || (state.icsSequence() == session.icsSequence && Session.progress(state.status()) < Session.progress(session.status)))) {
            return session; // a relayed older version must not move the session back
        }
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
        sessions.persist(session);
        return session;
    }

    private void summarised(String eventId, Session session, SessionState state, SessionEvent event) {
        SessionEvents.Summary summary = Objects.requireNonNull(event.summary(), "summary");
        session.focus = summary.focus();
        session.problemOfPractice = summary.problemOfPractice();
        session.summarisedAt = OffsetDateTime.now();
        summary.nextStepsOrEmpty().forEach(step -> keep(session, step));
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
            RenderedEmail email = emails.scheduleChange(recipient.name(), view, cancelled, previously, reason)
                    .withCalendar(SessionCalendar.render(entry, method, organizer, recipient.email()), method);
            queue.record(recipient, DeliveryQueue.dedupeKey(Emails.SCHEDULE_CHANGE, eventId, recipient), List.of(eventId), email);
        }
    }

    private void keep(Session session, NextStepState state) {
        if (state.nextStepId() == null || state.description() == null) {
            return;
        }
        NextStep step = nextSteps.findByIdOptional(state.nextStepId()).orElseGet(NextStep::new);
        step.id = state.nextStepId();
        step.sessionId = session.id;
        step.description = state.description();
        step.ownerStaffId = state.ownerStaffId();
        step.ownerName = state.ownerName();
        step.dueDate = state.dueDate();
        step.status = state.status() == null ? "OPEN" : state.status();
        nextSteps.persist(step);
    }
}
