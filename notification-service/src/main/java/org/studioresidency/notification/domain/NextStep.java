package org.studioresidency.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Something agreed at a session, with an owner and a due date before the next visit. */
@Entity
@Table(name = "next_step")
public class NextStep extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "session_id")
    public UUID sessionId;

    public String description;

    @Column(name = "owner_staff_id")
    public UUID ownerStaffId;

    @Column(name = "owner_name")
    public String ownerName;

    @Column(name = "due_date")
    public LocalDate dueDate;

    /** OPEN, IN_PROGRESS, DONE or DROPPED. */
    public String status;

    /** When it was done or dropped; null while open. */
    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    /** When session-service made the change this row reflects; an event older than that changes nothing. */
    @Column(name = "changed_at")
    public OffsetDateTime changedAt;

    /** Done or dropped (CANCELLED is how rows recorded before next-step status events said dropped). */
    public static boolean isClosed(String status) {
        return "DONE".equals(status) || "DROPPED".equals(status) || "CANCELLED".equals(status);
    }

    /**
     * Whether a state session-service wrote at {@code asOf} may replace this row's. A state of unknown age replaces
     * only a row that has never been dated.
     */
    public boolean olderThanKept(OffsetDateTime asOf) {
        return changedAt != null && (asOf == null || asOf.isBefore(changedAt));
    }
}
