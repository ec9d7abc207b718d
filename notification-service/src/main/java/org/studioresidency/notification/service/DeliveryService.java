package org.studioresidency.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.studioresidency.notification.domain.Delivery;
import org.studioresidency.notification.repository.DeliveryRepository;
import org.studioresidency.notification.security.CurrentUser;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The delivery log: what was emailed to whom, and how it went. */
@ApplicationScoped
public class DeliveryService {

    private final DeliveryRepository deliveries;
    private final DeliveryQueue queue;

    DeliveryService(DeliveryRepository deliveries, DeliveryQueue queue) {
        this.deliveries = deliveries;
        this.queue = queue;
    }

    /** The district office sees every delivery; a principal sees those addressed to them as their school's principal. */
    public List<Delivery> visibleTo(CurrentUser user, DeliveryRepository.Filter filter, int limit) {
        if (user.seesWholeDistrict()) {
            return deliveries.newestFirst(filter, limit);
        }
        return user.schoolId()
                .map(school -> deliveries.newestFirst(new DeliveryRepository.Filter(school, filter.recipientEmail(),
                        filter.template(), filter.status()), limit))
                .orElse(List.of());
    }

    public Delivery get(CurrentUser user, UUID id) {
        return deliveries.findByIdOptional(id)
                .filter(d -> user.seesWholeDistrict() || (d.schoolId != null && user.schoolId().map(d.schoolId::equals).orElse(false)))
                .orElseThrow(() -> new NotificationException.NotFound("Delivery", id));
    }

    /**
     * Sends the email again as a new copy (new Message-ID), e.g. after a principal lost it. A delivery still waiting
     * for its turn is refused: it will go out anyway.
     */
    @Transactional
    public Delivery resend(UUID id) {
        Delivery d = deliveries.findByIdOptional(id).orElseThrow(() -> new NotificationException.NotFound("Delivery", id));
        if (d.status == Delivery.Status.PENDING) {
            throw new NotificationException.Conflict("Delivery " + id + " has not been sent yet; it is already queued.",
                    List.of(NotificationException.Reason.of("Wait for it to be sent or to fail before resending it.")));
        }
        d.status = Delivery.Status.PENDING;
        d.attempts = 0;
        d.lastError = null;
        d.sentAt = null;
        d.nextAttemptAt = OffsetDateTime.now();
        d.smtpMessageId = queue.messageId(d.id);
        return d;
    }
}
