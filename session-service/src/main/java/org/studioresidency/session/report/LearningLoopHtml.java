package org.studioresidency.session.report;

import org.studioresidency.session.report.LearningLoopReport.Figures;

import java.util.List;
import java.util.Locale;

/**
 * The learning-loop report as one HTML page with server-side SVG charts, written by hand (no charting library: the
 * charts are a few bars and a line, and plain SVG renders in every browser and mail client without scripts). Every
 * figure is printed from the same {@link LearningLoopReport} as the JSON, and carries the JSON's value and path in
 * {@code data-figure} / {@code data-value}, so a check can compare the page with the JSON figure by figure.
 */
public final class LearningLoopHtml {

    private LearningLoopHtml() {
    }

    public static String write(LearningLoopReport report) {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/><title>Learning loop ").append(esc(report.schoolYear()))
                .append("</title><style>body{font-family:system-ui,sans-serif;margin:2rem;color:#222}table{border-collapse:collapse;margin:.5rem 0 1.5rem}"
                        + "td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:right}th{background:#f3f3f3}td.l,th.l{text-align:left}"
                        + "section{margin-bottom:2.5rem}svg{display:block;margin:.5rem 0}</style></head><body>\n");
        h.append("<h1>The district's learning loop, ").append(esc(report.schoolYear())).append("</h1>\n");
        if (report.district() != null) {
            scope(h, "District", "district", report.district());
        }
        for (int i = 0; i < report.pairings().size(); i++) {
            var p = report.pairings().get(i);
            scope(h, "Pairing: " + p.label(), "pairings[" + i + "].figures", p.figures());
        }
        for (int i = 0; i < report.schools().size(); i++) {
            var s = report.schools().get(i);
            scope(h, "School: " + s.name(), "schools[" + i + "].figures", s.figures());
        }
        return h.append("</body></html>\n").toString();
    }

    private static void scope(StringBuilder h, String title, String path, Figures f) {
        h.append("<section><h2>").append(esc(title)).append("</h2>\n");

        h.append("<h3>Gradual release: share of demonstrations led by school staff</h3>\n");
        var release = f.gradualRelease().bySessionNumber();
        lineChart(h, release.stream().map(p -> "Session " + p.sessionNumber()).toList(),
                release.stream().map(LearningLoopReport.ReleasePoint::schoolStaffShare).toList());
        h.append("<table><tr><th>Session</th><th>Sessions</th><th>Demonstrations</th><th>By school staff</th><th>By consultant</th><th>School staff share</th></tr>\n");
        for (int i = 0; i < release.size(); i++) {
            var p = release.get(i);
            String at = path + ".gradualRelease.bySessionNumber[" + i + "].";
            h.append("<tr><td>").append(p.sessionNumber()).append("</td>");
            cell(h, at + "sessions", p.sessions());
            cell(h, at + "demonstrations", p.demonstrations());
            cell(h, at + "bySchoolStaff", p.bySchoolStaff());
            cell(h, at + "byConsultant", p.byConsultant());
            share(h, at + "schoolStaffShare", p.schoolStaffShare());
            h.append("</tr>\n");
        }
        h.append("</table>\n<table><tr><th class=\"l\">Moved from observing to demonstrating</th><th>Session</th><th class=\"l\">Form</th><th>Sessions observed before</th></tr>\n");
        var movers = f.gradualRelease().movedToDemonstrating();
        for (int i = 0; i < movers.size(); i++) {
            var m = movers.get(i);
            h.append("<tr><td class=\"l\">").append(esc(m.name())).append("</td><td><a href=\"").append(esc(m.session().record())).append("\">")
                    .append(m.session().number()).append(" (").append(m.session().date()).append(")</a></td><td class=\"l\">").append(esc(m.form())).append("</td>");
            cell(h, path + ".gradualRelease.movedToDemonstrating[" + i + "].sessionsObservedBefore", m.sessionsObservedBefore());
            h.append("</tr>\n");
        }
        h.append("</table>\n");

        h.append("<h3>Follow-through between visits</h3>\n");
        var all = f.followThrough().all();
        barChart(h, List.of("Closed by next visit", "Closed late", "Still open", "Dropped"),
                List.of((double) all.closedByNextVisit(), (double) all.closedLate(), (double) all.stillOpen(), (double) all.dropped()));
        h.append("<table><tr><th class=\"l\">Owners</th><th>Opened</th><th>Closed by next visit</th><th>Closed late</th><th>Still open</th><th>Dropped</th>"
                + "<th>Evidence brought back</th><th>Median days to close</th></tr>\n");
        steps(h, "All", path + ".followThrough.all.", all);
        for (int i = 0; i < f.followThrough().byOwnerRole().size(); i++) {
            var g = f.followThrough().byOwnerRole().get(i);
            steps(h, g.name(), path + ".followThrough.byOwnerRole[" + i + "].counts.", g.counts());
        }
        for (int i = 0; i < f.followThrough().bySchool().size(); i++) {
            var g = f.followThrough().bySchool().get(i);
            steps(h, g.name(), path + ".followThrough.bySchool[" + i + "].counts.", g.counts());
        }
        h.append("</table>\n");

        h.append("<h3>What the district keeps working on</h3>\n");
        barChart(h, f.focus().stream().map(LearningLoopReport.FocusFigure::focus).toList(),
                f.focus().stream().map(x -> (double) x.sessions()).toList());
        h.append("<table><tr><th class=\"l\">Focus / problem of practice</th><th>Sessions</th><th>Schools</th><th class=\"l\">Sessions behind it</th></tr>\n");
        for (int i = 0; i < f.focus().size(); i++) {
            var x = f.focus().get(i);
            h.append("<tr><th class=\"l\">").append(esc(x.focus())).append("</th>");
            cell(h, path + ".focus[" + i + "].sessions", x.sessions());
            cell(h, path + ".focus[" + i + "].schools", x.schools());
            h.append("<td></td></tr>\n");
            for (int j = 0; j < x.problemsOfPractice().size(); j++) {
                var pr = x.problemsOfPractice().get(j);
                h.append("<tr><td class=\"l\">").append(esc(pr.problemOfPractice())).append("</td>");
                cell(h, path + ".focus[" + i + "].problemsOfPractice[" + j + "].sessions", pr.sessions());
                cell(h, path + ".focus[" + i + "].problemsOfPractice[" + j + "].schools", pr.schools());
                h.append("<td class=\"l\">");
                pr.sessionsBehind().forEach(s -> h.append("<a href=\"").append(esc(s.record())).append("\">").append(s.date()).append("</a> "));
                h.append("</td></tr>\n");
            }
        }
        h.append("</table>\n");

        h.append("<h3>Whether people could come</h3>\n<table><tr><th class=\"l\">Who</th><th>Expected</th><th>Present</th><th>Absent</th>"
                + "<th>Absent, substitute not filled</th><th>Attendance rate</th></tr>\n");
        attendance(h, "All", path + ".attendance.all.", f.attendance().all());
        for (int i = 0; i < f.attendance().byRole().size(); i++) {
            var g = f.attendance().byRole().get(i);
            attendance(h, g.name(), path + ".attendance.byRole[" + i + "].counts.", g.counts());
        }
        for (int i = 0; i < f.attendance().bySchool().size(); i++) {
            var g = f.attendance().bySchool().get(i);
            attendance(h, g.name(), path + ".attendance.bySchool[" + i + "].counts.", g.counts());
        }
        h.append("</table>\n");

        h.append("<h3>How it felt (ratings 1-5)</h3>\n");
        var ratings = f.evaluations().bySessionNumber();
        barChart(h, ratings.stream().map(r -> "Session " + r.sessionNumber()).toList(),
                ratings.stream().map(LearningLoopReport.RatingPoint::averageRating).toList());
        h.append("<table><tr><th class=\"l\">When</th><th>Ratings</th><th>Average</th></tr>\n");
        for (int i = 0; i < ratings.size(); i++) {
            h.append("<tr><td class=\"l\">Session ").append(ratings.get(i).sessionNumber()).append("</td>");
            cell(h, path + ".evaluations.bySessionNumber[" + i + "].ratings", ratings.get(i).ratings());
            number(h, path + ".evaluations.bySessionNumber[" + i + "].averageRating", ratings.get(i).averageRating());
            h.append("</tr>\n");
        }
        var end = f.evaluations().endOfYear();
        h.append("<tr><td class=\"l\">End of year</td>");
        cell(h, path + ".evaluations.endOfYear.ratings", end.ratings());
        number(h, path + ".evaluations.endOfYear.averageRating", end.averageRating());
        h.append("</tr></table>\n");

        h.append("<h3>Building ownership: who recorded the pre-visit plan</h3>\n");
        var o = f.buildingOwnership();
        barChart(h, List.of("Principals", "District office", "Unknown", "No plan"),
                List.of((double) o.planRecordedByPrincipal(), (double) o.planRecordedByDistrictOffice(), (double) o.planRecordedByUnknown(), (double) o.noPlan()));
        h.append("<table><tr><th>Sessions</th><th>By principals</th><th>By the district office</th><th>Unknown</th><th>No plan</th><th>Principals' share</th></tr><tr>");
        String at = path + ".buildingOwnership.";
        cell(h, at + "sessions", o.sessions());
        cell(h, at + "planRecordedByPrincipal", o.planRecordedByPrincipal());
        cell(h, at + "planRecordedByDistrictOffice", o.planRecordedByDistrictOffice());
        cell(h, at + "planRecordedByUnknown", o.planRecordedByUnknown());
        cell(h, at + "noPlan", o.noPlan());
        share(h, at + "principalShare", o.principalShare());
        h.append("</tr></table>\n</section>\n");
    }

    private static void steps(StringBuilder h, String who, String at, LearningLoopReport.StepCounts c) {
        h.append("<tr><td class=\"l\">").append(esc(who)).append("</td>");
        cell(h, at + "opened", c.opened());
        cell(h, at + "closedByNextVisit", c.closedByNextVisit());
        cell(h, at + "closedLate", c.closedLate());
        cell(h, at + "stillOpen", c.stillOpen());
        cell(h, at + "dropped", c.dropped());
        cell(h, at + "evidenceBroughtBack", c.evidenceBroughtBack());
        number(h, at + "medianDaysToClose", c.medianDaysToClose());
        h.append("</tr>\n");
    }

    private static void attendance(StringBuilder h, String who, String at, LearningLoopReport.AttendanceCounts c) {
        h.append("<tr><td class=\"l\">").append(esc(who)).append("</td>");
        cell(h, at + "expected", c.expected());
        cell(h, at + "present", c.present());
        cell(h, at + "absent", c.absent());
        cell(h, at + "absentWithUnfilledSubstitute", c.absentWithUnfilledSubstitute());
        share(h, at + "attendanceRate", c.attendanceRate());
        h.append("</tr>\n");
    }

    private static void cell(StringBuilder h, String figure, int value) {
        h.append("<td data-figure=\"").append(esc(figure)).append("\" data-value=\"").append(value).append("\">").append(value).append("</td>");
    }

    private static void number(StringBuilder h, String figure, Double value) {
        h.append("<td data-figure=\"").append(esc(figure)).append("\" data-value=\"").append(value == null ? "" : value).append("\">")
                .append(value == null ? "-" : String.format(Locale.ROOT, "%.2f", value)).append("</td>");
    }

    private static void share(StringBuilder h, String figure, Double value) {
        h.append("<td data-figure=\"").append(esc(figure)).append("\" data-value=\"").append(value == null ? "" : value).append("\">")
                .append(value == null ? "-" : String.format(Locale.ROOT, "%.1f%%", value * 100)).append("</td>");
    }

    private static final int W = 640;
    private static final int H = 160;

    /** Values 0..1 as a line with points; a missing value leaves a gap. */
    private static void lineChart(StringBuilder h, List<String> labels, List<Double> values) {
        if (labels.isEmpty()) {
            return;
        }
        h.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(W).append("\" height=\"").append(H + 30).append("\" role=\"img\">")
                .append("<line x1=\"40\" y1=\"").append(H).append("\" x2=\"").append(W).append("\" y2=\"").append(H).append("\" stroke=\"#999\"/>")
                .append("<text x=\"0\" y=\"14\" font-size=\"11\">100%</text><text x=\"0\" y=\"").append(H).append("\" font-size=\"11\">0%</text>");
        double step = (W - 100.0) / Math.max(1, labels.size() - 1);
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < labels.size(); i++) {
            double x = 50 + i * step;
            h.append("<text x=\"").append(fmt(x)).append("\" y=\"").append(H + 20).append("\" font-size=\"11\" text-anchor=\"middle\">")
                    .append(esc(labels.get(i))).append("</text>");
            Double v = values.get(i);
            if (v != null) {
                double y = H - v * (H - 10);
                line.append(line.isEmpty() ? "M" : "L").append(fmt(x)).append(' ').append(fmt(y)).append(' ');
                h.append("<circle cx=\"").append(fmt(x)).append("\" cy=\"").append(fmt(y)).append("\" r=\"4\" fill=\"#2a6f97\"/>");
            }
        }
        if (!line.isEmpty()) {
            h.append("<path d=\"").append(line.toString().trim()).append("\" fill=\"none\" stroke=\"#2a6f97\" stroke-width=\"2\"/>");
        }
        h.append("</svg>\n");
    }

    /** Non-negative values as vertical bars scaled to the largest; each bar labelled with its value. */
    private static void barChart(StringBuilder h, List<String> labels, List<Double> values) {
        if (labels.isEmpty()) {
            return;
        }
        double max = values.stream().filter(v -> v != null).mapToDouble(Double::doubleValue).max().orElse(0);
        double width = (W - 40.0) / labels.size();
        h.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(W).append("\" height=\"").append(H + 30).append("\" role=\"img\">")
                .append("<line x1=\"20\" y1=\"").append(H).append("\" x2=\"").append(W).append("\" y2=\"").append(H).append("\" stroke=\"#999\"/>");
        for (int i = 0; i < labels.size(); i++) {
            double v = values.get(i) == null ? 0 : values.get(i);
            double height = max == 0 ? 0 : v / max * (H - 20);
            double x = 25 + i * width;
            h.append("<rect x=\"").append(fmt(x)).append("\" y=\"").append(fmt(H - height)).append("\" width=\"").append(fmt(width * 0.7))
                    .append("\" height=\"").append(fmt(height)).append("\" fill=\"#2a6f97\"/>")
                    .append("<text x=\"").append(fmt(x)).append("\" y=\"").append(fmt(H - height - 3)).append("\" font-size=\"11\">")
                    .append(values.get(i) == null ? "-" : String.format(Locale.ROOT, "%.2f", v).replaceAll("\\.00$", "")).append("</text>")
                    .append("<text x=\"").append(fmt(x + width * 0.35)).append("\" y=\"").append(H + 20).append("\" font-size=\"9\" text-anchor=\"middle\">")
                    .append(esc(labels.get(i).replace('_', ' '))).append("</text>");
        }
        h.append("</svg>\n");
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
