package org.studioresidency.notification.mail;

import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.Variant;
import jakarta.enterprise.context.ApplicationScoped;
import org.studioresidency.notification.config.NotificationConfig;
import org.studioresidency.notification.mail.MailViews.CalendarLinkView;
import org.studioresidency.notification.mail.MailViews.ConflictView;
import org.studioresidency.notification.mail.MailViews.CoverageView;
import org.studioresidency.notification.mail.MailViews.DigestLoopView;
import org.studioresidency.notification.mail.MailViews.DigestView;
import org.studioresidency.notification.mail.MailViews.LearningLoopView;
import org.studioresidency.notification.mail.MailViews.DistrictView;
import org.studioresidency.notification.mail.MailViews.SessionView;
import org.studioresidency.notification.mail.MailViews.SummaryView;

import java.util.List;

/** Renders each kind of email from its type-safe template: an HTML part and a plain-text alternative. */
@ApplicationScoped
public class Emails {

    public static final String SESSION_SUMMARY = "session-summary";
    public static final String PLANNING_REMINDER = "planning-reminder";
    public static final String SCHEDULE_CHANGE = "schedule-change";
    public static final String COVERAGE_ALERT = "coverage-alert";
    public static final String WEEKLY_DIGEST = "weekly-digest";
    public static final String CONFLICT_ALERT = "conflict-alert";
    public static final String CONFLICT_RESOLVED = "conflict-resolved";
    /** The monthly learning-loop email to a central-office leader (not a principal's: no per-school preview). */
    public static final String LEARNING_LOOP = "learning-loop";
    public static final List<String> ALL = List.of(SESSION_SUMMARY, PLANNING_REMINDER, SCHEDULE_CHANGE, COVERAGE_ALERT, WEEKLY_DIGEST,
            CONFLICT_ALERT, CONFLICT_RESOLVED);

    @CheckedTemplate
    static class Templates {
        static native MailTemplateInstance sessionSummary(DistrictView district, String recipientName, SessionView session,
                                                          SummaryView summary);

        static native MailTemplateInstance planningReminder(DistrictView district, String recipientName, SessionView session,
                                                            int daysBefore);

        static native MailTemplateInstance scheduleChange(DistrictView district, String recipientName, SessionView session,
                                                          boolean cancelled, String previously, String reason,
                                                          CalendarLinkView calendarLink);

        static native MailTemplateInstance coverageAlert(DistrictView district, String recipientName, String schoolName,
                                                         CoverageView coverage, int daysBefore);

        static native MailTemplateInstance weeklyDigest(DistrictView district, String recipientName, String schoolName,
                                                        String weekOf, DigestView digest, DigestLoopView learningLoop,
                                                        CalendarLinkView calendarLink);

        static native MailTemplateInstance learningLoop(DistrictView district, String recipientName, LearningLoopView loop);

        static native MailTemplateInstance conflictAlert(DistrictView district, String recipientName, SessionView session,
                                                         ConflictView conflict);

        static native MailTemplateInstance conflictResolved(DistrictView district, String recipientName, SessionView session,
                                                            ConflictView conflict);
    }

    private final DistrictView district;

    Emails(NotificationConfig config) {
        this.district = new DistrictView(config.district().name(), config.district().logoUrl().orElse(null),
                config.district().portalUrl().orElse(null));
    }

    public RenderedEmail sessionSummary(String recipientName, SessionView session, SummaryView summary) {
        String subject = "Session " + session.number() + " summary: " + session.hostSchool() + " and "
                + session.residencySchools() + ", " + session.date();
        return render(SESSION_SUMMARY, subject, Templates.sessionSummary(district, recipientName, session, summary));
    }

    public RenderedEmail planningReminder(String recipientName, SessionView session, int daysBefore) {
        String subject = "Plan the focus of session " + session.number() + " at " + session.hostSchool() + " on "
                + session.date();
        return render(PLANNING_REMINDER, subject, Templates.planningReminder(district, recipientName, session, daysBefore));
    }

    /** {@code calendarLink}: the recipient's own subscription, or null. */
    public RenderedEmail scheduleChange(String recipientName, SessionView session, boolean cancelled, String previously,
                                        String reason, CalendarLinkView calendarLink) {
        String subject = cancelled
                ? "Cancelled: session " + session.number() + " at " + session.hostSchool() + " on " + session.date()
                : "Rescheduled: session " + session.number() + " at " + session.hostSchool() + " moves to " + session.date()
                  + " (" + session.halfDay() + ")";
        return render(SCHEDULE_CHANGE, subject,
                Templates.scheduleChange(district, recipientName, session, cancelled, previously, reason, calendarLink));
    }

    public RenderedEmail coverageAlert(String recipientName, String schoolName, CoverageView coverage, int daysBefore) {
        String subject = "Substitute still needed: " + coverage.teacher() + ", " + coverage.date() + " (" + coverage.halfDay() + ")";
        return render(COVERAGE_ALERT, subject, Templates.coverageAlert(district, recipientName, schoolName, coverage, daysBefore));
    }

    /**
     * {@code learningLoop}: the school's learning-loop figures, or null when no snapshot names the school;
     * {@code calendarLink}: the recipient's own subscription, or null.
     */
    public RenderedEmail weeklyDigest(String recipientName, String schoolName, String weekOf, DigestView digest,
                                      DigestLoopView learningLoop, CalendarLinkView calendarLink) {
        String subject = "Your studio/residency week of " + weekOf + ": " + schoolName;
        return render(WEEKLY_DIGEST, subject, Templates.weeklyDigest(district, recipientName, schoolName, weekOf, digest,
                learningLoop, calendarLink));
    }

    /** The charts travel as inline images, referenced from the HTML by the views' {@code cid:} addresses. */
    public RenderedEmail learningLoop(String recipientName, LearningLoopView loop, List<InlineImage> charts) {
        String subject = "Learning loop, " + loop.month() + ": " + (loop.pairings().size() == 1 ? loop.pairings().get(0).label()
                : loop.pairings().size() + " pairings you supervise");
        return render(LEARNING_LOOP, subject, Templates.learningLoop(district, recipientName, loop)).withImages(charts);
    }

    public RenderedEmail conflictAlert(String recipientName, SessionView session, ConflictView conflict) {
        String subject = "Scheduling conflict: session " + session.number() + " at " + session.hostSchool() + " on "
                + session.date() + " (" + session.halfDay() + ")";
        return render(CONFLICT_ALERT, subject, Templates.conflictAlert(district, recipientName, session, conflict));
    }

    public RenderedEmail conflictResolved(String recipientName, SessionView session, ConflictView conflict) {
        String subject = "Conflict resolved: session " + session.number() + " at " + session.hostSchool() + " on "
                + session.date() + " (" + session.halfDay() + ")";
        return render(CONFLICT_RESOLVED, subject, Templates.conflictResolved(district, recipientName, session, conflict));
    }

    @SuppressWarnings("unchecked")
    private static RenderedEmail render(String template, String subject, MailTemplateInstance mail) {
        TemplateInstance instance = mail.templateInstance();
        String html = null;
        String text = null;
        for (Variant variant : (List<Variant>) instance.getAttribute(TemplateInstance.VARIANTS)) {
            String body = instance.setAttribute(TemplateInstance.SELECTED_VARIANT, variant).render();
            if (Variant.TEXT_HTML.equals(variant.getContentType())) {
                html = body;
            } else if (Variant.TEXT_PLAIN.equals(variant.getContentType())) {
                text = body;
            }
        }
        if (html == null || text == null) {
            throw new IllegalStateException("Template " + template + " needs both an .html and a .txt variant");
        }
        return new RenderedEmail(template, subject, html, text, null, null);
    }
}
