package org.studioresidency.notification.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.studioresidency.notification.domain.RecipientPreference;
import org.studioresidency.notification.rest.problem.Problem;
import org.studioresidency.notification.security.CurrentUser;
import org.studioresidency.notification.security.Roles;
import org.studioresidency.notification.service.NotificationException;
import org.studioresidency.notification.service.PreferenceService;

import java.util.UUID;

@Path("/preferences/me")
@Tag(name = "Preferences", description = "A principal's choices about their own mail")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Only a principal sets their own preferences", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "422", description = "The token names no school", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class PreferenceResource {

    private final PreferenceService service;
    private final CurrentUser user;

    PreferenceResource(PreferenceService service, CurrentUser user) {
        this.service = service;
        this.user = user;
    }

    @GET
    @RolesAllowed(Roles.PRINCIPAL)
    @Operation(operationId = "getMyPreferences", summary = "The caller's mail preferences (defaults until set)")
    @APIResponse(responseCode = "200", description = "The preferences")
    public PreferenceResponse get() {
        return toResponse(service.of(school()));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PRINCIPAL)
    @Operation(operationId = "setMyPreferences", summary = "Set the caller's mail preferences")
    @APIResponse(responseCode = "200", description = "The preferences as stored")
    @APIResponse(responseCode = "400", description = "A field is missing or not true/false", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PreferenceResponse set(@Valid @NotNull PreferenceRequest request) {
        return toResponse(service.set(school(), request.summariesInDigest(), request.digestEnabled()));
    }

    private UUID school() {
        return user.schoolId().orElseThrow(() -> new NotificationException.RuleViolation(
                "Your token names no school, so there is no principal's mail to set.",
                java.util.List.of(NotificationException.Reason.of("Ask the district office to add the school_id claim to your account."))));
    }

    private static PreferenceResponse toResponse(RecipientPreference p) {
        return new PreferenceResponse(p.schoolId, p.summariesInDigest, p.digestEnabled);
    }
}
