package org.studioresidency.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.studioresidency.notification.config.NotificationConfig;
import org.studioresidency.notification.domain.School;
import org.studioresidency.notification.domain.Session;
import org.studioresidency.notification.mail.Emails;
import org.studioresidency.notification.mail.MailViews.CoverageView;
import org.studioresidency.notification.mail.MailViews.SessionView;
import org.studioresidency.notification.mail.MailViews.StepView;
import org.studioresidency.notification.mail.MailViews.SummaryView;
import org.studioresidency.notification.mail.RenderedEmail;
import org.studioresidency.notification.repository.SchoolRepository;
import org.studioresidency.notification.repository.SessionRepository;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;

/**
 * Renders any template for a given principal so the portal can show it: the digest with the principal's real data
 * of this week, the other templates around the school's latest session (or an example session when it has none).
 */
@ApplicationScoped
public class PreviewService {

    private final SchoolRepository schools;
    private final SessionRepository sessions;
    private final WeeklyDigests digests;
    private final Emails emails;
    private final NotificationConfig config;

    PreviewService(SchoolRepository schools, SessionRepository sessions, WeeklyDigests digests, Emails emails,
                   NotificationConfig config) {
        this.schools = schools;
        this.sessions = sessions;
        this.digests = digests;
        this.emails = emails;
        this.config = config;
    }

    @Transactional
    public RenderedEmail preview(String template, UUID schoolId) {
        if (!Emails.ALL.contains(template)) {
            throw new NotificationException.InvalidField("template", "must be one of " + Emails.ALL);
        }
        School school = schools.findByIdOptional(schoolId)
                .filter(School::hasPrincipalEmail)
                .orElseThrow(() -> new NotificationException.NotFound("Principal of school", schoolId));
        ZoneId zone = config.district().timeZone();
        LocalDate today = LocalDate.now(zone);
        SessionView session = sessions.latestForSchool(schoolId).map((Session s) -> MailViewMapping.session(s, zone))
                .orElseGet(() -> new SessionView(1, MailViewMapping.date(today.plusDays(14)), "morning",
                        "8:30 AM to 11:45 AM", school.name, "your partner school", "your consultant"));
        return switch (template) {
            case Emails.SESSION_SUMMARY -> emails.sessionSummary(school.principalName, session, new SummaryView(
                    "Shared reading", "The problem of practice the host school presented.", "What the consultant demonstrated.",
                    "The notes taken during the debrief.",
                    List.of(new StepView("A next step agreed at the session", "Its owner", MailViewMapping.date(today.plusDays(21)), false, false)),
                    MailViewMapping.date(today.plusDays(35)) + " (morning)", ""));
            case Emails.PLANNING_REMINDER -> emails.planningReminder(school.principalName, session, config.reminder().daysBefore());
            case Emails.SCHEDULE_CHANGE -> emails.scheduleChange(school.principalName, session, false,
                    MailViewMapping.date(today.plusDays(7)) + " (morning)", null, null);
            case Emails.COVERAGE_ALERT -> emails.coverageAlert(school.principalName, school.name,
                    new CoverageView("A teacher of your school", session.date(), session.halfDay(), "unfilled", null), 3);
            case Emails.CONFLICT_ALERT -> emails.conflictAlert(school.principalName, session, MailViewMapping.conflict(
                    "PERSON_DOUBLE_BOOKED", "A team member", "A team member is also in another session in the same half-day; "
                            + "nobody can be in two sessions in the same half-day.", null));
            case Emails.CONFLICT_RESOLVED -> emails.conflictResolved(school.principalName, session, MailViewMapping.conflict(
                    "PERSON_DOUBLE_BOOKED", "A team member", "A team member is also in another session in the same half-day; "
                            + "nobody can be in two sessions in the same half-day.", "The session moved to another half-day."));
            default -> emails.weeklyDigest(school.principalName, school.name,
                    MailViewMapping.shortDate(today.with(TemporalAdjusters.previousOrSame(config.digest().day()))),
                    digests.content(schoolId, today), digests.learningLoop(schoolId), null);
        };
    }
}
