package org.studioresidency.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A hard rule a booked session broke after a change made elsewhere (a person double-booked, the daily substitute cap
 * exceeded), as session-service announced it, and how it was resolved.
 */
@Entity
@Table(name = "session_conflict")
public class SessionConflict extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "session_id")
    public UUID sessionId;

    /** PERSON_DOUBLE_BOOKED or SUBSTITUTE_CAP_EXCEEDED. */
    public String kind;

    /** What broke, in the district's words, as session-service wrote it. */
    public String detail;

    @Column(name = "detected_at")
    public OffsetDateTime detectedAt;

    @Column(name = "resolved_at")
    public OffsetDateTime resolvedAt;

    public String resolution;

    public boolean isResolved() {
        return resolvedAt != null;
    }
}
