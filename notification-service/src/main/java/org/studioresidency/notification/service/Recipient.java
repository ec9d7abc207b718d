package org.studioresidency.notification.service;

import java.util.UUID;

/**
 * Someone an email goes to. {@code schoolId} is the school whose principal they are (their deliveries show in that
 * principal's log), or null for the central office.
 */
public record Recipient(String name, String email, UUID schoolId) {

    public boolean isPrincipal() {
        return schoolId != null;
    }

    public String key() {
        return email.trim().toLowerCase(java.util.Locale.ROOT);
    }
}
