package org.studioresidency.pairing.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.studioresidency.pairing.domain.MatchingProposal;
import org.studioresidency.pairing.rest.problem.Problem;
import org.studioresidency.pairing.security.Roles;
import org.studioresidency.pairing.service.MatchingService;

import java.util.UUID;

@Path("/school-years/{schoolYearId}/matchings")
@Tag(name = "Matching", description = "Optimal studio/residency matching, proposal review and confirmation")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role not allowed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class SchoolYearMatchingResource {

    private final MatchingService matching;

    SchoolYearMatchingResource(MatchingService matching) {
        this.matching = matching;
    }

    @POST
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @Operation(operationId = "proposeMatching", summary = "Compute the globally optimal matching and save it as a draft proposal")
    @APIResponse(responseCode = "201", description = "The proposal: pairs with scores and breakdowns, unmatched schools with reasons", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProposalResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such school year", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Constraints that cannot all hold, unknown or already-paired schools", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response propose(@PathParam("schoolYearId") UUID schoolYearId, @Valid @NotNull MatchingRequest request, @Context UriInfo uri) {
        MatchingProposal proposal = matching.propose(schoolYearId, request.toCriteria());
        return Response.created(uri.getBaseUriBuilder().path("matchings").path(proposal.id.toString()).build())
                .tag(Versions.etag(proposal.version)).entity(MatchingResource.toResponse(matching, proposal)).build();
    }

}
