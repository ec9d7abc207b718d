package org.studioresidency.session.report;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The learning-loop report as RFC 4180 CSV, one figure per row: {@code scope} (DISTRICT, PAIRING, SCHOOL), {@code scope_id},
 * {@code scope_name}, {@code figure} (e.g. {@code gradual_release.school_staff_share}), {@code group} (e.g. {@code session=2},
 * {@code owner_role=TEACHER}; empty for the whole scope) and {@code value}, exactly the JSON's value (empty for null).
 */
public final class LearningLoopCsv {

    public static final String[] HEADER = {"scope", "scope_id", "scope_name", "figure", "group", "value"};

    private LearningLoopCsv() {
    }

    public static String write(LearningLoopReport report) {
        StringBuilder csv = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.RFC4180.builder().setHeader(HEADER).get())) {
            for (List<Object> row : rows(report)) {
                printer.printRecord(row.stream().map(LearningLoopCsv::cell).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return csv.toString();
    }

    private static final String FORMULA_STARTS = "=+-@\t\r";

    static Object cell(Object value) {
        String text = value.toString();
        return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    static List<List<Object>> rows(LearningLoopReport report) {
        List<List<Object>> rows = new ArrayList<>();
        if (report.district() != null) {
            figures(rows, "DISTRICT", "", "District", report.district());
        }
        report.pairings().forEach(p -> figures(rows, "PAIRING", p.pairingId().toString(), p.label(), p.figures()));
        report.schools().forEach(s -> figures(rows, "SCHOOL", s.schoolId().toString(), s.name(), s.figures()));
        return rows;
    }

    private static void figures(List<List<Object>> rows, String scope, String id, String name, LearningLoopReport.Figures f) {
        Out out = (figure, group, value) -> rows.add(List.of(scope, id, name, figure, group, value == null ? "" : value.toString()));
        for (var p : f.gradualRelease().bySessionNumber()) {
            String g = "session=" + p.sessionNumber();
            out.row("gradual_release.sessions", g, p.sessions());
            out.row("gradual_release.demonstrations", g, p.demonstrations());
            out.row("gradual_release.by_school_staff", g, p.bySchoolStaff());
            out.row("gradual_release.by_consultant", g, p.byConsultant());
            out.row("gradual_release.school_staff_share", g, p.schoolStaffShare());
        }
        for (var m : f.gradualRelease().movedToDemonstrating()) {
            out.row("gradual_release.moved_to_demonstrating", "staff=" + m.staffId() + ";session=" + m.session().number(), m.name());
        }
        steps(out, "", f.followThrough().all());
        f.followThrough().byOwnerRole().forEach(g -> steps(out, "owner_role=" + g.key(), g.counts()));
        f.followThrough().bySchool().forEach(g -> steps(out, "school=" + g.key(), g.counts()));
        for (var focus : f.focus()) {
            out.row("focus.sessions", "focus=" + focus.focus(), focus.sessions());
            out.row("focus.schools", "focus=" + focus.focus(), focus.schools());
            for (var problem : focus.problemsOfPractice()) {
                String g = "focus=" + focus.focus() + ";problem=" + problem.problemOfPractice();
                out.row("focus.problem.sessions", g, problem.sessions());
                out.row("focus.problem.schools", g, problem.schools());
            }
        }
        attendance(out, "", f.attendance().all());
        f.attendance().byRole().forEach(g -> attendance(out, "role=" + g.key(), g.counts()));
        f.attendance().bySchool().forEach(g -> attendance(out, "school=" + g.key(), g.counts()));
        for (var r : f.evaluations().bySessionNumber()) {
            out.row("evaluations.ratings", "session=" + r.sessionNumber(), r.ratings());
            out.row("evaluations.average_rating", "session=" + r.sessionNumber(), r.averageRating());
        }
        out.row("evaluations.ratings", "end_of_year", f.evaluations().endOfYear().ratings());
        out.row("evaluations.average_rating", "end_of_year", f.evaluations().endOfYear().averageRating());
        var o = f.buildingOwnership();
        out.row("building_ownership.sessions", "", o.sessions());
        out.row("building_ownership.plan_recorded_by_principal", "", o.planRecordedByPrincipal());
        out.row("building_ownership.plan_recorded_by_district_office", "", o.planRecordedByDistrictOffice());
        out.row("building_ownership.plan_recorded_by_unknown", "", o.planRecordedByUnknown());
        out.row("building_ownership.no_plan", "", o.noPlan());
        out.row("building_ownership.principal_share", "", o.principalShare());
    }

    private static void steps(Out out, String group, LearningLoopReport.StepCounts c) {
        out.row("follow_through.opened", group, c.opened());
        out.row("follow_through.closed_by_next_visit", group, c.closedByNextVisit());
        out.row("follow_through.closed_late", group, c.closedLate());
        out.row("follow_through.still_open", group, c.stillOpen());
        out.row("follow_through.dropped", group, c.dropped());
        out.row("follow_through.evidence_brought_back", group, c.evidenceBroughtBack());
        out.row("follow_through.median_days_to_close", group, c.medianDaysToClose());
    }

    private static void attendance(Out out, String group, LearningLoopReport.AttendanceCounts c) {
        out.row("attendance.expected", group, c.expected());
        out.row("attendance.present", group, c.present());
        out.row("attendance.absent", group, c.absent());
        out.row("attendance.absent_with_unfilled_substitute", group, c.absentWithUnfilledSubstitute());
        out.row("attendance.rate", group, c.attendanceRate());
    }

    @FunctionalInterface
    private interface Out {
        void row(String figure, String group, Object value);
    }
}
