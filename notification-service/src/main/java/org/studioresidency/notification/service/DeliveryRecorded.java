package org.studioresidency.notification.service;

import java.util.UUID;

/** A delivery was recorded; observed after the recording transaction commits to send it without waiting for the poll. */
public record DeliveryRecorded(UUID deliveryId) {
}
