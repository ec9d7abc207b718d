package org.studioresidency.notification.mail;

/**
 * An image shown inside an email's HTML: sent as a part of the multipart/related body with this {@code Content-ID},
 * and referenced from the HTML as {@code cid:<contentId>} (RFC 2392).
 *
 * @param contentId without angle brackets, e.g. {@code release-<pairingId>@learning-loop}
 */
public record InlineImage(String contentId, String fileName, String contentType, byte[] data) {

    public static InlineImage png(String contentId, String fileName, byte[] data) {
        return new InlineImage(contentId, fileName, "image/png", data);
    }
}
