package org.studioresidency.notification.service;

import org.studioresidency.notification.domain.CoverageRequest;
import org.studioresidency.notification.domain.NextStep;
import org.studioresidency.notification.domain.Session;
import org.studioresidency.notification.event.PairingEvents.SchoolRef;
import org.studioresidency.notification.event.SessionEvents;
import org.studioresidency.notification.mail.MailViews.ConflictView;
import org.studioresidency.notification.mail.MailViews.CoverageView;
import org.studioresidency.notification.mail.MailViews.SessionView;
import org.studioresidency.notification.mail.MailViews.StepView;
import org.studioresidency.notification.mail.MailViews.SummaryLine;
import org.studioresidency.notification.mail.MailViews.SummaryView;
import org.studioresidency.notification.mail.SessionCalendar;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Turns read-model rows and event data into what the templates show, in the district's words and time zone. */
public final class MailViewMapping {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy", Locale.US);
    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("MMMM d", Locale.US);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.US);

    private static final String IN_PROGRESS = "IN_PROGRESS";

    private MailViewMapping() {
    }

    public static String date(LocalDate date) {
        return date == null ? "a date to be set" : DATE.format(date);
    }

    public static String shortDate(LocalDate date) {
        return SHORT_DATE.format(date);
    }

    public static String halfDay(String halfDay) {
        return "PM".equals(halfDay) ? "afternoon" : "morning";
    }

    public static String focus(String focus) {
        if (focus == null || focus.isBlank()) {
            return "not agreed yet";
        }
        String words = focus.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    public static SessionView session(Session s, ZoneId zone) {
        return new SessionView(s.number, date(s.date), halfDay(s.halfDay), time(s.startsAt, s.endsAt, zone),
                s.hostSchoolName, s.residencyNames, s.consultantName == null ? "to be confirmed" : s.consultantName);
    }

    public static String residencyNames(List<SchoolRef> residencySchools) {
        return residencySchools.stream().map(SchoolRef::name).collect(Collectors.joining(", "));
    }

    public static SummaryView summary(SessionEvents.Summary summary, SessionEvents.NextVisit nextVisit, LocalDate today) {
        List<StepView> steps = summary.nextStepsOrEmpty().stream()
                .map(s -> new StepView(s.description(), s.ownerName(), date(s.dueDate()),
                        s.dueDate() != null && s.dueDate().isBefore(today), IN_PROGRESS.equals(s.status())))
                .toList();
        String next = nextVisit == null ? null : date(nextVisit.date()) + " (" + halfDay(nextVisit.halfDay()) + ")";
        String absent = summary.attendance() == null ? "" : summary.attendance().stream()
                .filter(a -> !a.present()).map(SessionEvents.Attendance::name).collect(Collectors.joining(", "));
        return new SummaryView(focus(summary.focus()), summary.problemOfPractice(), summary.demonstrated(), summary.notes(),
                steps, next, absent);
    }

    public static StepView step(NextStep step, LocalDate today) {
        return new StepView(step.description, step.ownerName, date(step.dueDate),
                step.dueDate != null && step.dueDate.isBefore(today), IN_PROGRESS.equals(step.status));
    }

    public static CoverageView coverage(CoverageRequest c) {
        return new CoverageView(c.teacherName, date(c.date), halfDay(c.halfDay), coverageStatus(c.status), c.substituteName);
    }

    /**
     * A conflict in the district's words: session-service's own sentence for what broke, and what the district office
     * does about it (the session's alternatives are half-days that keep every rule).
     */
    public static ConflictView conflict(String kind, String staffName, String detail, String resolution) {
        String title = switch (kind == null ? "" : kind) {
            case "PERSON_DOUBLE_BOOKED" -> (staffName == null ? "A team member" : staffName) + " is booked in two sessions at once";
            case "SUBSTITUTE_CAP_EXCEEDED" -> "More substitutes are needed on this date than the district can release";
            default -> "This session no longer keeps the district's scheduling rules";
        };
        String action = switch (kind == null ? "" : kind) {
            case "PERSON_DOUBLE_BOOKED" -> "Open this session in the portal and look at its alternatives: half-days when the "
                    + "whole team, consultant included, is free. Move this session (or the other one) to one of them. "
                    + "Until then " + (staffName == null ? "the person" : staffName) + " stays booked in the other session "
                    + "and will miss this one.";
            case "SUBSTITUTE_CAP_EXCEEDED" -> "Open this session in the portal and look at its alternatives: half-days with "
                    + "substitutes to spare. Move the session to one of them, or move another session of that day.";
            default -> "Open this session in the portal, look at its alternatives and move it to one of them.";
        };
        return new ConflictView(title, detail, action, resolution);
    }

    public static SummaryLine summaryLine(Session s, ZoneId zone) {
        return new SummaryLine(session(s, zone).headline() + " at " + s.hostSchoolName, focus(s.focus), s.problemOfPractice);
    }

    public static SessionCalendar.Entry calendarEntry(Session s, ZoneId zone) {
        OffsetDateTime start = s.startsAt != null ? s.startsAt
                : s.date.atTime("PM".equals(s.halfDay) ? 12 : 8, 30).atZone(zone).toOffsetDateTime();
        OffsetDateTime end = s.endsAt != null ? s.endsAt : start.plusHours(3);
        String title = "Studio/residency session " + s.number + ": " + s.hostSchoolName + " with " + s.residencyNames;
        String description = "Half-day studio/residency session at " + s.hostSchoolName + ". Consultant: "
                + (s.consultantName == null ? "to be confirmed" : s.consultantName) + ".";
        return new SessionCalendar.Entry(s.icsUid, s.icsSequence, start.toInstant(), end.toInstant(), title,
                s.hostSchoolName, description);
    }

    private static String coverageStatus(String status) {
        return switch (status) {
            case "FILLED" -> "filled";
            case "UNFILLED" -> "unfilled";
            case "REQUESTED" -> "requested, not filled yet";
            case "PENDING" -> "not requested yet";
            default -> status.toLowerCase(Locale.ROOT);
        };
    }

    private static String time(OffsetDateTime startsAt, OffsetDateTime endsAt, ZoneId zone) {
        if (startsAt == null || endsAt == null) {
            return "";
        }
        return TIME.format(startsAt.atZoneSameInstant(zone)) + " to " + TIME.format(endsAt.atZoneSameInstant(zone));
    }
}
