package org.studioresidency.notification.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One email in the delivery log. */
public record DeliveryResponse(UUID id, String template, String recipientEmail, String recipientName, UUID schoolId,
                               String subject, String status, int attempts, String lastError, String messageId,
                               List<String> sourceEventIds, boolean hasCalendar, OffsetDateTime createdAt,
                               OffsetDateTime nextAttemptAt, OffsetDateTime sentAt) {
}
