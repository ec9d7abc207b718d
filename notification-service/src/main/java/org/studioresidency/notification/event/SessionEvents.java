package org.studioresidency.notification.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What this service reads of session-service's {@code district.session} events (tolerant reader). Every type carries
 * the session's full state; the other fields are present only on the types that define them.
 */
public final class SessionEvents {

    public static final String PUBLISHED = "district.session.published.v1";
    public static final String RESCHEDULED = "district.session.rescheduled.v1";
    public static final String CANCELLED = "district.session.cancelled.v1";
    public static final String HELD = "district.session.held.v1";
    public static final String SUMMARISED = "district.session.summarised.v1";
    public static final String NEXT_STEP_DUE_SOON = "district.session.next-step-due-soon.v1";
    public static final String NEXT_STEP_OVERDUE = "district.session.next-step-overdue.v1";
    public static final String NEXT_STEP_STATUS_CHANGED = "district.session.next-step-status-changed.v1";
    public static final String TEAM_CHANGED = "district.session.team-changed.v1";
    public static final String CONFLICT_DETECTED = "district.session.conflict-detected.v1";
    public static final String CONFLICT_RESOLVED = "district.session.conflict-resolved.v1";
    public static final String CALENDAR_SUBSCRIPTION_CREATED = "district.session.calendar-subscription.created.v1";
    public static final String CALENDAR_SUBSCRIPTION_REVOKED = "district.session.calendar-subscription.revoked.v1";

    private SessionEvents() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SessionState(UUID sessionId, UUID pairingId, UUID schoolYearId, int number, LocalDate date, String halfDay,
                               OffsetDateTime startsAt, OffsetDateTime endsAt, String status,
                               PairingEvents.SchoolRef hostSchool, List<PairingEvents.SchoolRef> residencySchools,
                               DirectoryEvents.Person consultant, List<PairingEvents.Member> participants,
                               String icsUid, int icsSequence) {

        public List<PairingEvents.SchoolRef> residencySchoolsOrEmpty() {
            return residencySchools == null ? List.of() : residencySchools;
        }

        public List<PairingEvents.Member> participantsOrEmpty() {
            return participants == null ? List.of() : participants;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record NextStepState(UUID nextStepId, String description, UUID ownerStaffId, String ownerName, LocalDate dueDate,
                                String status, OffsetDateTime closedAt) {
    }

    /** A hard rule a booked session broke after a change made elsewhere ({@code conflict-detected} and {@code -resolved}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Conflict(UUID conflictId, String kind, String staffName, String detail, OffsetDateTime detectedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Attendance(UUID staffId, String name, boolean present) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Summary(String focus, String problemOfPractice, String demonstrated, String notes,
                          List<NextStepState> nextSteps, List<Attendance> attendance) {

        public List<NextStepState> nextStepsOrEmpty() {
            return nextSteps == null ? List.of() : nextSteps;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record NextVisit(UUID sessionId, LocalDate date, String halfDay) {
    }

    /**
     * Any {@code district.session.*} event: the session plus the fields of its own type. {@code changedAt} comes with
     * a next step's status change, {@code teamVersion} with a team change, {@code conflict} with a conflict detected
     * or resolved ({@code resolvedAt}, {@code resolution} only with the latter).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SessionEvent(SessionState session, LocalDate previousDate, String previousHalfDay, String reason,
                               List<Attendance> attendance, Summary summary, NextVisit nextVisit, NextStepState nextStep,
                               OffsetDateTime changedAt, Long teamVersion, Conflict conflict, OffsetDateTime resolvedAt,
                               String resolution) {
    }

    /** A person's calendar subscription was created: its secret feed link, for that person's own emails. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SubscriptionCreated(UUID subscriptionId, UUID staffId, String email, String url, String webcalUrl,
                                      OffsetDateTime createdAt) {
        @Override
        public String toString() {
            return "SubscriptionCreated[" + subscriptionId + " of " + staffId + "]"; // the URL is a credential: keep it out of logs
        }
    }

    /** A person's calendar subscription was revoked: its link goes into no more emails. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SubscriptionRevoked(UUID subscriptionId, UUID staffId) {
    }
}
