package org.studioresidency.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A person's live calendar subscription: the secret feed link their own emails carry. Never logged. */
@Entity
@Table(name = "calendar_subscription")
public class CalendarSubscription extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "staff_id")
    public UUID staffId;

    /** The person's address when the subscription was created (the directory's current one is looked up too). */
    public String email;

    public String url;

    @Column(name = "webcal_url")
    public String webcalUrl;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Override
    public String toString() {
        return "CalendarSubscription[" + id + " of " + staffId + "]"; // the URL is a credential: keep it out of logs
    }
}
