package org.studioresidency.notification.rest;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A principal's mail preferences", example = "{\"summariesInDigest\": true, \"digestEnabled\": true}")
public record PreferenceRequest(
        @Schema(description = "Hold session summaries for the weekly digest instead of sending them at once (only while the digest is on)")
        @NotNull Boolean summariesInDigest,
        @Schema(description = "Receive the weekly digest; alerts, reminders and schedule changes are sent regardless")
        @NotNull Boolean digestEnabled) {
}
