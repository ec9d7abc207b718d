package org.studioresidency.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One email to one recipient, from the moment it is due until the SMTP server accepts it. The content is rendered
 * when the delivery is recorded, so every attempt sends the same bytes under the same Message-ID.
 */
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

    @Column(name = "recipient_name")
    public String recipientName;

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

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "source_event_ids")
    public String[] sourceEventIds;

    @Column(name = "html_body")
    public String htmlBody;

    @Column(name = "text_body")
    public String textBody;

    /** The iCalendar attachment, for schedule changes. */
    public String calendar;

    @Column(name = "calendar_method")
    public String calendarMethod;

    @Column(name = "next_attempt_at")
    public OffsetDateTime nextAttemptAt;

    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "sent_at")
    public OffsetDateTime sentAt;
}
