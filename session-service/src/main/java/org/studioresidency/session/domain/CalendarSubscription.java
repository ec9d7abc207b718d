package org.studioresidency.session.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A secret feed URL of one person's or one school's sessions, for calendar apps that cannot send a bearer token. */
@Entity
@Table(name = "calendar_subscription")
public class CalendarSubscription extends PanacheEntityBase {

    @Id
    public UUID id;

    /** SHA-256 of the URL's token; the token itself is shown once, when the subscription is created. */
    @Column(name = "token_hash")
    public byte[] tokenHash;

    @Column(name = "staff_id")
    public UUID staffId;

    @Column(name = "school_id")
    public UUID schoolId;

    public String label;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;

    @Column(name = "revoked_why")
    public String revokedWhy;

    public boolean isLive() {
        return revokedAt == null;
    }

    /** Revokes a live subscription; returns false, changing nothing, when it was revoked before. */
    public boolean revoke(String why, OffsetDateTime now) {
        if (revokedAt != null) {
            return false;
        }
        revokedAt = now;
        revokedWhy = why;
        return true;
    }
}
