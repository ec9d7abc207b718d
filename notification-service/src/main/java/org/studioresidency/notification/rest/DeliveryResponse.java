package org.studioresidency.notification.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One email in the delivery log. */
public record DeliveryResponse(UUID id, String template, String recipientEmail, @org.eclipse.microprofile.openapi.annotations.media.Schema(nullable = true) String recipientName, @org.eclipse.microprofile.openapi.annotations.media.Schema(nullable = true) UUID schoolId,
                               String subject, String status, int attempts, @org.eclipse.microprofile.openapi.annotations.media.Schema(nullable = true) String lastError, @org.eclipse.microprofile.openapi.annotations.media.Schema(nullable = true) String messageId,
                               List<String> sourceEventIds, boolean hasCalendar, OffsetDateTime createdAt,
                               @org.eclipse.microprofile.openapi.annotations.media.Schema(nullable = true) OffsetDateTime nextAttemptAt, @org.eclipse.microprofile.openapi.annotations.media.Schema(nullable = true) OffsetDateTime sentAt) {
}
