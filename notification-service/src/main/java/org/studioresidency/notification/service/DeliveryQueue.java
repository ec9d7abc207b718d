package org.studioresidency.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.studioresidency.notification.config.NotificationConfig;
import org.studioresidency.notification.domain.Delivery;
import org.studioresidency.notification.mail.RenderedEmail;
import org.studioresidency.notification.repository.DeliveryRepository;

import java.util.List;
import java.util.UUID;

/**
 * Records emails as PENDING deliveries inside the caller's transaction; the scheduled sender does the SMTP work.
 * The dedupe key, unique in the database, names the source event or digest period and the recipient.
 */
@ApplicationScoped
public class DeliveryQueue {

    private final DeliveryRepository deliveries;
    private final Event<DeliveryRecorded> recorded;
    private final String messageIdDomain;

    DeliveryQueue(DeliveryRepository deliveries, Event<DeliveryRecorded> recorded, NotificationConfig config) {
        this.deliveries = deliveries;
        this.recorded = recorded;
        this.messageIdDomain = config.sender().messageIdDomain();
    }

    public static String dedupeKey(String template, String source, Recipient recipient) {
        return template + ":" + source + ":" + recipient.key();
    }

    public boolean alreadyRecorded(String dedupeKey) {
        return deliveries.count("dedupeKey", dedupeKey) > 0;
    }

    /** True when recorded; false when an email with this dedupe key exists already. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean record(Recipient recipient, String dedupeKey, List<String> sourceEventIds, RenderedEmail email) {
        Delivery d = new Delivery();
        d.id = UUID.randomUUID();
        d.dedupeKey = dedupeKey;
        d.template = email.template();
        d.recipientEmail = recipient.email().trim();
        d.recipientName = recipient.name();
        d.schoolId = recipient.schoolId();
        d.subject = email.subject();
        d.smtpMessageId = messageId(d.id);
        d.sourceEventIds = sourceEventIds.toArray(String[]::new);
        d.htmlBody = email.html();
        d.textBody = email.text();
        d.calendar = email.calendar();
        d.calendarMethod = email.calendarMethod();
        boolean inserted = deliveries.recordIfNew(d);
        if (inserted && !email.images().isEmpty()) {
            deliveries.recordImages(d.id, email.images());
        }
        if (inserted) {
            recorded.fire(new DeliveryRecorded(d.id));
        }
        return inserted;
    }

    public String messageId(UUID deliveryId) {
        return "<" + deliveryId + "." + UUID.randomUUID().toString().substring(0, 8) + "@" + messageIdDomain + ">";
    }
}
