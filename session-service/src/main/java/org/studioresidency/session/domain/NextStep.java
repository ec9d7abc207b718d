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
import java.util.UUID;

/** Something a participant agreed to do before the next visit. */
@Entity
@Table(name = "next_step")
public class NextStep extends PanacheEntityBase {

    public enum Status {
        OPEN, IN_PROGRESS, DONE, DROPPED;

        /** Done or dropped: no longer something to do before the next visit. */
        public boolean closed() {
            return this == DONE || this == DROPPED;
        }
    }

    /** What kind of try-on commitment it is. */
    public enum Kind {
        TRY_IN_CLASSROOM, PLAN_OR_COTEACH_WITH_COACH, STUDY_A_TEXT, BRING_EVIDENCE, LEADERSHIP_ACTION
    }

    @Id
    public UUID id;

    /** Null for steps recorded before next steps had kinds. */
    @Enumerated(EnumType.STRING)
    public Kind kind;

    /** A short note of what was tried and seen, given when the step was closed; null while open. */
    public String evidence;

    @Column(name = "session_id")
    public UUID sessionId;

    public String description;

    @Column(name = "owner_staff_id")
    public UUID ownerStaffId;

    @Column(name = "owner_name")
    public String ownerName;

    @Column(name = "owner_school_id")
    public UUID ownerSchoolId;

    @Column(name = "due_date")
    public LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "due_soon_announced")
    public boolean dueSoonAnnounced;

    @Column(name = "overdue_announced")
    public boolean overdueAnnounced;

    /** When it was done or dropped; null while open. */
    @Column(name = "closed_at")
    public java.time.OffsetDateTime closedAt;

    @Column(name = "status_changed_at")
    public java.time.OffsetDateTime statusChangedAt;

    /** Who last changed the status (the token's subject). */
    @Column(name = "status_changed_by")
    public String statusChangedBy;

    @Version
    public long version;

    /** A step agreed at a session: open until its owner's school or the district office closes it. */
    public static NextStep opened(UUID sessionId, String description, UUID ownerStaffId, String ownerName, UUID ownerSchoolId, LocalDate dueDate) {
        return opened(sessionId, null, description, ownerStaffId, ownerName, ownerSchoolId, dueDate);
    }

    /** A try-on commitment of a kind. */
    public static NextStep opened(UUID sessionId, Kind kind, String description, UUID ownerStaffId, String ownerName, UUID ownerSchoolId,
                                  LocalDate dueDate) {
        NextStep step = new NextStep();
        step.kind = kind;
        step.id = UUID.randomUUID();
        step.sessionId = sessionId;
        step.description = description;
        step.ownerStaffId = ownerStaffId;
        step.ownerName = ownerName;
        step.ownerSchoolId = ownerSchoolId;
        step.dueDate = dueDate;
        step.status = Status.OPEN;
        return step;
    }

    /** What a status change did; null from {@link #changeStatus} when the status was already that. */
    public record StatusChanged(Status previous, Status current, String by, java.time.OffsetDateTime at, String evidence) {
    }

    /** A step given evidence must be closed by the change: evidence is what was tried and seen when it was done or dropped. */
    public static boolean acceptsEvidence(Status next, String evidence) {
        return evidence == null || next.closed();
    }

    /** Opens, starts, closes (done or dropped) or reopens the step; closing sets {@code closedAt}, reopening clears it. */
    public StatusChanged changeStatus(Status next, String by, java.time.OffsetDateTime now) {
        return changeStatus(next, null, by, now);
    }

    /**
     * As {@link #changeStatus(Status, String, java.time.OffsetDateTime)}, keeping the evidence note given on closing (reopening
     * clears it). A note given for a step already closed replaces its note without a status change (null is returned).
     */
    public StatusChanged changeStatus(Status next, String evidenceNote, String by, java.time.OffsetDateTime now) {
        if (next == status) {
            if (evidenceNote != null) {
                evidence = evidenceNote;
            }
            return null;
        }
        Status previous = status;
        status = next;
        closedAt = next.closed() ? now : null;
        evidence = next.closed() ? evidenceNote : null;
        statusChangedAt = now;
        statusChangedBy = by;
        return new StatusChanged(previous, next, by, now, evidenceNote);
    }
}
