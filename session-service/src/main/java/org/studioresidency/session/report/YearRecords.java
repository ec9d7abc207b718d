package org.studioresidency.session.report;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the learning-loop report is computed from: a school year's rows, read once. */
public record YearRecords(UUID schoolYearId, String schoolYearName, ZoneId zone, List<PairingRow> pairings, List<SessionRow> sessions,
                          List<DemonstrationRow> demonstrations, List<StepRow> steps, List<AttendanceRow> attendance,
                          List<CoverageRow> coverage, List<EvaluationRow> evaluations) {

    public record Member(UUID staffId, String name, UUID schoolId, String teamRole) {
    }

    public record SchoolName(UUID schoolId, String name) {
    }

    public record PairingRow(UUID pairingId, String label, SchoolName studio, List<SchoolName> residency, Map<UUID, Member> team) {
        public boolean concerns(UUID schoolId) {
            return studio.schoolId().equals(schoolId) || residency.stream().anyMatch(s -> s.schoolId().equals(schoolId));
        }
    }

    /** {@code planRecordedAs}: PRINCIPAL, DISTRICT_OFFICE or null; {@code planRecorded}: a pre-visit plan (focus or text) exists. */
    public record SessionRow(UUID sessionId, UUID pairingId, int number, LocalDate date, String halfDay, String status, String focus,
                             String problemOfPractice, boolean planRecorded, String planRecordedAs) {

        public boolean held() {
            return "HELD".equals(status) || "SUMMARISED".equals(status);
        }

        /** In people's calendars or already held: a visit that counts. */
        public boolean visit() {
            return held() || "PUBLISHED".equals(status);
        }

        public boolean before(SessionRow other) {
            int byDate = date.compareTo(other.date);
            return byDate < 0 || (byDate == 0 && halfDay.compareTo(other.halfDay) < 0);
        }
    }

    public record DemonstrationRow(UUID sessionId, int position, UUID staffId, String name, UUID schoolId, String role, String form) {
        public boolean bySchoolStaff() {
            return !"CONSULTANT".equals(role);
        }
    }

    public record StepRow(UUID nextStepId, UUID sessionId, UUID ownerStaffId, String ownerName, UUID ownerSchoolId, LocalDate dueDate,
                          String status, OffsetDateTime closedAt, String evidence) {
    }

    public record AttendanceRow(UUID sessionId, UUID staffId, String name, boolean present) {
    }

    /** A live (not cancelled) substitute request. */
    public record CoverageRow(UUID sessionId, UUID staffId, String status) {
    }

    /** {@code sessionId} null: the end-of-year evaluation. */
    public record EvaluationRow(UUID pairingId, UUID sessionId, UUID staffId, int rating) {
    }
}
