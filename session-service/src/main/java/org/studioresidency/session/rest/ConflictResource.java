package org.studioresidency.session.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.studioresidency.session.rest.problem.Problem;
import org.studioresidency.session.security.Roles;
import org.studioresidency.session.service.SessionService;

import java.util.List;
import java.util.UUID;

@Path("/school-years/{schoolYearId}/conflicts")
@Tag(name = "Sessions")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role not allowed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ConflictResource {

    private final SessionService sessions;

    ConflictResource(SessionService sessions) {
        this.sessions = sessions;
    }

    @GET
    @RolesAllowed({Roles.DISTRICT_ADMIN, Roles.VIEWER})
    @Operation(operationId = "listConflicts", summary = "Open conflicts of the year's sessions: rules broken by changes made elsewhere (team changes)")
    @APIResponse(responseCode = "200", description = "Open conflicts by date; each names its session's alternatives")
    public List<SessionParts.ConflictResponse> list(@PathParam("schoolYearId") UUID schoolYearId) {
        return sessions.conflictsOfYear(schoolYearId).stream().map(SessionParts.ConflictResponse::of).toList();
    }
}
