package org.studioresidency.notification.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What this service reads of session-service's {@code district.report} events (tolerant reader). */
public final class ReportEvents {

    public static final String LEARNING_LOOP_SNAPSHOT = "district.report.learning-loop-snapshot.v1";

    private ReportEvents() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Leader(UUID staffId, String name, String email) {
    }

    /** {@code schoolStaffShare}: a plain fraction, null for a session number without demonstrations. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ReleasePoint(int sessionNumber, int demonstrations, Double schoolStaffShare) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SchoolSteps(UUID schoolId, String name, String part, int open, int overdue, int closedSince) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Medians(Double open, Double overdue, Double closedSince) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record District(int schools, Medians followThroughMedian, List<ReleasePoint> gradualRelease) {
    }

    /** One pairing's learning-loop figures as session-service computed them (its report's definitions). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LearningLoopSnapshot(UUID schoolYearId, String schoolYear, UUID pairingId, String label, OffsetDateTime asOf,
                                       OffsetDateTime since, Leader leader, String reportUrl, List<ReleasePoint> gradualRelease,
                                       List<SchoolSteps> schools, District district) {

        public List<ReleasePoint> gradualRelease() {
            return gradualRelease == null ? List.of() : gradualRelease;
        }

        public List<SchoolSteps> schools() {
            return schools == null ? List.of() : schools;
        }
    }
}
