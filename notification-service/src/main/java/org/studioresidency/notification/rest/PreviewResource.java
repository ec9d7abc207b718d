package org.studioresidency.notification.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.studioresidency.notification.rest.problem.Problem;
import org.studioresidency.notification.security.Roles;
import org.studioresidency.notification.service.PreviewService;

import java.util.UUID;

@Path("/previews")
@Tag(name = "Previews", description = "Any email template rendered for a given principal, for the portal")
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role not allowed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class PreviewResource {

    private final PreviewService service;

    PreviewResource(PreviewService service) {
        this.service = service;
    }

    @GET
    @Path("/{template}")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @Operation(operationId = "previewTemplate", summary = "Render a template as HTML for the principal of a school")
    @APIResponse(responseCode = "200", description = "The email's HTML part", content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Unknown template or missing schoolId", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The school or its principal is not known", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public String preview(
            @Parameter(description = "session-summary, planning-reminder, schedule-change, coverage-alert, weekly-digest, conflict-alert or conflict-resolved")
            @PathParam("template") String template,
            @Parameter(description = "The school whose principal the email is for") @QueryParam("schoolId") @NotNull UUID schoolId) {
        return service.preview(template, schoolId).html();
    }
}
