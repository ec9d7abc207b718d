package org.studioresidency.session.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One half-day studio/residency session of a pairing, held at the studio school. */
@Entity
@Table(name = "session")
public class Session extends PanacheEntityBase {

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
}
