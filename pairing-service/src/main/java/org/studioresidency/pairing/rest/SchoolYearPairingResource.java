package org.studioresidency.pairing.rest;

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
import org.studioresidency.pairing.rest.problem.Problem;
import org.studioresidency.pairing.security.CurrentUser;
import org.studioresidency.pairing.security.Roles;
import org.studioresidency.pairing.security.Scope;
import org.studioresidency.pairing.service.PairingService;

import java.util.List;
import java.util.UUID;

@Path("/school-years/{schoolYearId}/pairings")
@Tag(name = "Pairings", description = "Confirmed pairings and their versioned teams")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role not allowed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class SchoolYearPairingResource {

    private final PairingService service;
    private final CurrentUser user;

    SchoolYearPairingResource(PairingService service, CurrentUser user) {
        this.service = service;
        this.user = user;
    }

    @GET
    @RolesAllowed({Roles.DISTRICT_ADMIN, Roles.VIEWER, Roles.PRINCIPAL})
    @Operation(operationId = "listPairings", summary = "Pairings of the year (a principal sees their school's)")
    @APIResponse(responseCode = "200", description = "The pairings with their current teams")
    public List<PairingResponse> list(@PathParam("schoolYearId") UUID schoolYearId) {
        return service.ofYear(schoolYearId, Scope.of(user)).stream().map(PairingResource::toResponse).toList();
    }

}
