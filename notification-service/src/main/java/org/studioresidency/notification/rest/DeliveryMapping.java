package org.studioresidency.notification.rest;

import org.studioresidency.notification.domain.Delivery;

import java.util.Arrays;
import java.util.List;

/** Maps deliveries to what the API shows; the entity itself never leaves the service. */
final class DeliveryMapping {

    private DeliveryMapping() {
    }

    static DeliveryResponse toResponse(Delivery d) {
        List<String> sources = d.sourceEventIds == null ? List.of() : Arrays.asList(d.sourceEventIds);
        return new DeliveryResponse(d.id, d.template, d.recipientEmail, d.recipientName, d.schoolId, d.subject,
                d.status.name(), d.attempts, d.lastError, d.smtpMessageId, sources, d.calendar != null, d.createdAt,
                d.status == Delivery.Status.PENDING ? d.nextAttemptAt : null, d.sentAt);
    }

    static DeliveryDetailResponse toDetail(Delivery d) {
        return new DeliveryDetailResponse(toResponse(d), d.textBody, d.htmlBody, d.calendar);
    }
}
