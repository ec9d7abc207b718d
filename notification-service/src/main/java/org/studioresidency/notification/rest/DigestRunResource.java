package org.studioresidency.notification.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.studioresidency.notification.rest.problem.Problem;
import org.studioresidency.notification.security.Roles;
import org.studioresidency.notification.service.WeeklyDigests;

@Path("/digest-runs")
@Tag(name = "Weekly digests")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role not allowed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class DigestRunResource {

    /** How many principals' digests this run recorded (those with nothing to say, or already sent this week, are not). */
    public record DigestRunResponse(int recorded) {
    }

    private final WeeklyDigests digests;

    DigestRunResource(WeeklyDigests digests) {
        this.digests = digests;
    }

    @POST
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @Operation(operationId = "runWeeklyDigestNow", summary = "Prepare this week's digests now instead of at the configured day and time; never twice per principal and week")
    @APIResponse(responseCode = "200", description = "Digests recorded; they are sent within seconds")
    public DigestRunResponse runNow() {
        return new DigestRunResponse(digests.prepareThisWeekNow());
    }
}
