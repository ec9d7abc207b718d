package org.studioresidency.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One email to one recipient, from the moment it is due until the SMTP server accepts it. */
@Entity
@Table(name = "delivery")
public class Delivery extends PanacheEntityBase {

    public enum Status { PENDING, SENT, FAILED }

    @Id
    public UUID id;

    @Column(name = "dedupe_key")
    public String dedupeKey;

    public String template;

    @Column(name = "recipient_email")
    public String recipientEmail;

    @Column(name = "school_id")
    public UUID schoolId;

    public String subject;

    @Enumerated(EnumType.STRING)
    public Status status;

    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "smtp_message_id")
    public String smtpMessageId;

    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "sent_at")
    public OffsetDateTime sentAt;
}
