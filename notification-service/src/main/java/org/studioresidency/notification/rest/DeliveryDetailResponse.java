package org.studioresidency.notification.rest;

/** One delivery with the content that was (or will be) sent. */
public record DeliveryDetailResponse(DeliveryResponse delivery, String textBody, String htmlBody, String calendar) {
}
