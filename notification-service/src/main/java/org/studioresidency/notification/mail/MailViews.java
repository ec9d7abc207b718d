package org.studioresidency.notification.mail;

import java.util.List;

/** What the templates show, already in the district's words and date formats; no entity reaches a template. */
public final class MailViews {

    private MailViews() {
    }

    public record DistrictView(String name, String logoUrl, String portalUrl) {
    }

    public record SessionView(int number, String date, String halfDay, String time, String hostSchool,
                              String residencySchools, String consultant) {

        /** "Session 2 on Thursday, November 5, 2026 (morning)". */
        public String headline() {
            return "Session " + number + " on " + date + " (" + halfDay + ")";
        }
    }

    /** A next step; {@code inProgress} when its owner has started on it. */
    public record StepView(String description, String owner, String due, boolean overdue, boolean inProgress) {
    }

    public record SummaryView(String focus, String problemOfPractice, String demonstrated, String notes,
                              List<StepView> nextSteps, String nextVisit, String absent) {
    }

    public record CoverageView(String teacher, String date, String halfDay, String status, String substitute) {
    }

    /**
     * A conflict on a booked session: what broke ({@code detail}, session-service's own sentence), what to do about it,
     * and, once resolved, how.
     */
    public record ConflictView(String title, String detail, String action, String resolution) {
    }

    public record SummaryLine(String session, String focus, String problemOfPractice) {
    }

    /** The recipient's own calendar subscription: the secret https feed URL and its webcal:// form. */
    public record CalendarLinkView(String url, String webcalUrl) {
    }

    /** A principal's week; nothing in any list means there is nothing to send. */
    public record DigestView(List<SessionView> upcoming, List<CoverageView> coverage, List<StepView> overdueSteps,
                             List<StepView> openSteps, List<SummaryLine> recentSummaries) {

        public boolean isEmpty() {
            return upcoming.isEmpty() && coverage.isEmpty() && overdueSteps.isEmpty() && openSteps.isEmpty()
                    && recentSummaries.isEmpty();
        }
    }

    // Learning loop (figures from session-service's snapshots, formatted for reading) --------------------------------

    /** One session number: the share of demonstrations led by school staff, e.g. "40%" ("-" without demonstrations). */
    public record ShareView(int sessionNumber, String pairing, String district) {
    }

    /** A school's next steps now: open, overdue, closed in the window. */
    public record SchoolStepsView(String name, String part, int open, int overdue, int closedSince) {
    }

    /** The district's medians over its schools, e.g. "2" or "0.5" ("-" when it has no schools). */
    public record MediansView(String open, String overdue, String closedSince) {
    }

    /** A pairing's gradual-release line beside the district's. */
    public record ReleaseLineView(String label, List<ShareView> release) {
    }

    /**
     * A pairing in the leader's monthly email; {@code releaseChart} and {@code stepsChart} are the {@code cid:} addresses
     * of its two chart images.
     */
    public record PairingLoopView(String label, String releaseChart, String stepsChart, List<ShareView> release,
                                  List<SchoolStepsView> schools, MediansView districtMedian, String asOf, String since,
                                  String reportUrl) {
    }

    /** A central-office leader's month: the pairings they supervise. */
    public record LearningLoopView(String month, List<PairingLoopView> pairings) {
    }

    /** A principal's school in the weekly digest: its follow-through beside the district median, its pairing's line. */
    public record DigestLoopView(String schoolName, int open, int overdue, int closedSince, String since, String asOf,
                                 MediansView districtMedian, List<ReleaseLineView> pairings, String reportUrl) {
    }
}
