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

    /**
     * When session-service made the status change this row holds (a {@code next-step-status-changed} event); null while
     * only the step's state in summaries and due-soon/overdue reminders has been seen.
     */
    @Column(name = "changed_at")
    public OffsetDateTime changedAt;

    /** Done or dropped (CANCELLED is how rows recorded before next-step status events said dropped). */
    public static boolean isClosed(String status) {
        return "DONE".equals(status) || "DROPPED".equals(status) || "CANCELLED".equals(status);
    }

    /** Whether a status change made at {@code changedAt} is not older than the one this row holds. */
    public boolean takesStatusChangeAt(OffsetDateTime changedAt) {
        return this.changedAt == null || (changedAt != null && !changedAt.isBefore(this.changedAt));
    }

    /**
     * Whether the step's state as a summary or reminder carries it may replace this row's: only until a status change
     * has been applied, since every status change is announced by its own event and a reminder may have read the step
     * before the change.
     */
    public boolean takesSnapshot() {
        return changedAt == null;
    }
}
