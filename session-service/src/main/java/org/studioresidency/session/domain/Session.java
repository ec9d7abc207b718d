package org.studioresidency.session.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One half-day studio/residency session of a pairing, held at the studio school. */
@Entity
@Table(name = "session")
// Every read of a session and of its record starts with this query. Named, it is parsed once while the service starts;
// left to its first use, every request that arrived before the first parse had ended parsed it too (Hibernate does not
// wait for another request's parse): the largest share of the HQL parsing JFR found in the first reads (deploy/README.md,
// "Fifth round").
@NamedQuery(name = Session.WITH_PAIRING_AND_SETTINGS, query = "SELECT s, p, d FROM Session s, Pairing p, DistrictSetting d"
        + " LEFT JOIN FETCH p.residencySchools LEFT JOIN FETCH p.team WHERE s.id = ?1 AND p.id = s.pairingId AND d.id = ?2")
public class Session extends PanacheEntityBase {

    /** The session (by id, ?1), its pairing with the pairing's two collections, and the district's settings (?2). */
    public static final String WITH_PAIRING_AND_SETTINGS = "Session.withPairingAndSettings";

    @Id
    public UUID id;

    @Column(name = "pairing_id")
    public UUID pairingId;

    @Column(name = "school_year_id")
    public UUID schoolYearId;

    /** 1..n in the pairing's year. */
    public int number;

    public LocalDate date;

    @Enumerated(EnumType.STRING)
    @Column(name = "half_day")
    public HalfDay halfDay;

    @Enumerated(EnumType.STRING)
    public SessionStatus status;

    @Column(name = "cancel_reason")
    public String cancelReason;

    /** iCalendar SEQUENCE: goes up with every change people's calendars must pick up. */
    @Column(name = "ics_sequence")
    public int icsSequence;

    @Column(name = "planning_job_id")
    public UUID planningJobId;

    @Column(name = "proposed_date")
    public LocalDate proposedDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "proposed_half_day")
    public HalfDay proposedHalfDay;

    @Enumerated(EnumType.STRING)
    public Focus focus;

    @Column(name = "problem_of_practice")
    public String problemOfPractice;

    /** What the two principals agreed before the visit. */
    @Column(name = "pre_visit_plan")
    public String preVisitPlan;

    public String agenda;

    /** What the consultant demonstrated. */
    public String demonstrated;

    public String notes;

    /** Who presented the problem of practice: the host team or a residency team (with its school). */
    @Enumerated(EnumType.STRING)
    @Column(name = "problem_presented_by")
    public ProblemPresenter problemPresentedBy;

    @Column(name = "problem_presented_by_school_id")
    public UUID problemPresentedBySchoolId;

    @Column(name = "debrief_led_by_staff_id")
    public UUID debriefLedByStaffId;

    /** When the public learning activity (presenter, demonstrations, debrief) was last recorded; null when never. */
    @Column(name = "learning_activity_recorded_at")
    public OffsetDateTime learningActivityRecordedAt;

    /** Who recorded the pre-visit plan (the token's subject) and as whom: a principal or the district office. */
    @Column(name = "pre_visit_plan_recorded_by")
    public String preVisitPlanRecordedBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "pre_visit_plan_recorded_as")
    public PlanRecorder preVisitPlanRecordedAs;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    /** A substitute request of this session was still not filled when the at-risk notice period began. */
    @Column(name = "coverage_at_risk")
    public boolean coverageAtRisk;

    @Version
    public long version;

    public String icsUid() {
        return id + "@studio-residency.district";
    }

    /** Where a session moved from. */
    public record Moved(LocalDate previousDate, HalfDay previousHalfDay) {
    }

    /** A planning job proposed this session: it is PLANNED at the slot until the job is published. */
    public static Session planned(UUID id, UUID pairingId, UUID schoolYearId, int number, LocalDate date, HalfDay halfDay,
                                  UUID planningJobId, OffsetDateTime now) {
        Session session = new Session();
        session.id = id;
        session.pairingId = pairingId;
        session.schoolYearId = schoolYearId;
        session.number = number;
        session.date = date;
        session.halfDay = halfDay;
        session.status = SessionStatus.PLANNED;
        session.planningJobId = planningJobId;
        session.updatedAt = now;
        return session;
    }

    public boolean isAt(LocalDate date, HalfDay halfDay) {
        return this.date.equals(date) && this.halfDay == halfDay;
    }

    /** Only sessions not yet held (and not cancelled) can move or be cancelled. */
    public boolean canStillChange() {
        return status == SessionStatus.PLANNED || status == SessionStatus.PUBLISHED;
    }

    /** PLANNED to PUBLISHED: the session goes into people's calendars. */
    public void publish(OffsetDateTime now) {
        require(status == SessionStatus.PLANNED, "only a planned session can be published");
        status = SessionStatus.PUBLISHED;
        updatedAt = now;
    }

    /** To another half-day; a proposal left by a re-plan is dropped. Null when the session is already there. */
    public Moved moveTo(LocalDate newDate, HalfDay newHalfDay, OffsetDateTime now) {
        require(canStillChange(), "only planned or published sessions can be moved");
        clearProposal();
        if (isAt(newDate, newHalfDay)) {
            return null;
        }
        Moved moved = new Moved(date, halfDay);
        date = newDate;
        halfDay = newHalfDay;
        if (status.booksPeople()) {
            icsSequence++;
        }
        updatedAt = now;
        return moved;
    }

    /** Cancels the session; true when it was in people's calendars (then the cancellation is announced). */
    public boolean cancel(String reason, OffsetDateTime now) {
        require(canStillChange(), "it has already been held; it cannot be cancelled");
        boolean wasPublished = status.booksPeople();
        status = SessionStatus.CANCELLED;
        cancelReason = reason;
        clearProposal();
        icsSequence++;
        updatedAt = now;
        return wasPublished;
    }

    /** PUBLISHED to HELD: the session took place. */
    public void hold(OffsetDateTime now) {
        require(status == SessionStatus.PUBLISHED, "only a published session can be held");
        status = SessionStatus.HELD;
        clearProposal();
        updatedAt = now;
    }

    /** HELD to SUMMARISED: what happened, for the principals. */
    public void summarise(Focus focus, String problemOfPractice, String demonstrated, String notes, OffsetDateTime now) {
        require(status == SessionStatus.HELD, "only a held session can be summarised");
        this.focus = focus;
        this.problemOfPractice = problemOfPractice;
        this.demonstrated = demonstrated;
        this.notes = notes;
        status = SessionStatus.SUMMARISED;
        updatedAt = now;
    }

    /** The principals' agreed focus and plan before the visit, with who recorded it (building ownership). */
    public void planVisit(Focus focus, String problemOfPractice, String plan, String recordedBy, PlanRecorder recordedAs, OffsetDateTime now) {
        require(status != SessionStatus.CANCELLED, "it is cancelled");
        this.focus = focus;
        this.problemOfPractice = problemOfPractice;
        this.preVisitPlan = plan;
        this.preVisitPlanRecordedBy = recordedBy;
        this.preVisitPlanRecordedAs = recordedAs;
        updatedAt = now;
    }

    /** Who presented the problem of practice and who led the debrief at a session that took place. */
    public void recordLearningActivity(ProblemPresenter presentedBy, UUID presentingSchoolId, UUID debriefLeader, OffsetDateTime now) {
        require(status == SessionStatus.HELD || status == SessionStatus.SUMMARISED, "only a held session has a learning activity to record");
        this.problemPresentedBy = presentedBy;
        this.problemPresentedBySchoolId = presentingSchoolId;
        this.debriefLedByStaffId = debriefLeader;
        this.learningActivityRecordedAt = now;
        updatedAt = now;
    }

    public void setAgenda(String agenda, OffsetDateTime now) {
        require(status != SessionStatus.CANCELLED, "it is cancelled");
        this.agenda = agenda;
        updatedAt = now;
    }

    /** A re-plan would move this published session; applied only when the plan is published. */
    public void propose(LocalDate proposed, HalfDay proposedHalf, UUID jobId) {
        proposedDate = proposed;
        proposedHalfDay = proposedHalf;
        planningJobId = jobId;
    }

    public boolean hasProposal() {
        return proposedDate != null;
    }

    public void clearProposal() {
        proposedDate = null;
        proposedHalfDay = null;
    }

    /** A newer plan of a still PLANNED session. */
    public void replan(LocalDate newDate, HalfDay newHalfDay, UUID jobId, OffsetDateTime now) {
        require(status == SessionStatus.PLANNED, "only a planned session can be re-planned");
        date = newDate;
        halfDay = newHalfDay;
        planningJobId = jobId;
        updatedAt = now;
    }

    /** Something concerning the session changed (team, conflicts, coverage): feeds and caches must pick it up. */
    public void touch(OffsetDateTime now) {
        updatedAt = now;
    }

    private void require(boolean allowed, String because) {
        if (!allowed) {
            throw new TransitionRefused("Session " + number + " is " + status + "; " + because + ".");
        }
    }

    /** A lifecycle step the session's state does not allow: 409 for the caller. */
    public static class TransitionRefused extends RuntimeException {
        public TransitionRefused(String message) {
            super(message);
        }
    }
}
