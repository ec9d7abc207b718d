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

/** A substitute for one released teacher for one session's half-day. Its id is the HR job's {@code externalId}. */
@Entity
@Table(name = "coverage_request")
public class CoverageRequest extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "session_id")
    public UUID sessionId;

    @Column(name = "pairing_id")
    public UUID pairingId;

    @Column(name = "staff_id")
    public UUID staffId;

    @Column(name = "teacher_name")
    public String teacherName;

    @Column(name = "teacher_email")
    public String teacherEmail;

    @Column(name = "school_id")
    public UUID schoolId;

    public LocalDate date;

    @Enumerated(EnumType.STRING)
    @Column(name = "half_day")
    public HalfDay halfDay;

    @Enumerated(EnumType.STRING)
    public CoverageStatus status;

    /** Goes up with every change the HR system must hear about. */
    public int revision;

    @Column(name = "hr_job_id")
    public String hrJobId;

    @Column(name = "substitute_id")
    public String substituteId;

    @Column(name = "substitute_name")
    public String substituteName;

    @Column(name = "at_risk_raised")
    public boolean atRiskRaised;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    public boolean live() {
        return status != CoverageStatus.CANCELLED;
    }

    /** The HR system's Idempotency-Key for the current revision. */
    public String idempotencyKey() {
        return id + ":" + revision;
    }
}
