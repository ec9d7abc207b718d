package org.studioresidency.notification.rest;

import java.util.UUID;

public record PreferenceResponse(UUID schoolId, boolean summariesInDigest, boolean digestEnabled) {
}
