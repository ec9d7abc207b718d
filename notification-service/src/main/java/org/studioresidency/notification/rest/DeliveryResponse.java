package org.studioresidency.notification.rest;

import java.time.OffsetDateTime;
import java.util.UUID;

public record DeliveryResponse(UUID id, String template, String recipientEmail, UUID schoolId, String subject,
                               String status, int attempts, String lastError, OffsetDateTime createdAt,
                               OffsetDateTime sentAt) {
}
