package org.studioresidency.pairing.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.studioresidency.pairing.domain.MatchingProposal;
import org.studioresidency.pairing.rest.problem.Problem;
import org.studioresidency.pairing.security.CurrentUser;
import org.studioresidency.pairing.security.Roles;
import org.studioresidency.pairing.service.MatchingService;
import org.studioresidency.pairing.service.PairingService;

import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/matchings")
@Tag(name = "Matching", description = "Optimal studio/residency matching, proposal review and confirmation")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role not allowed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class MatchingResource {

    private final MatchingService matching;
    private final PairingService pairings;
    private final CurrentUser user;

    MatchingResource(MatchingService matching, PairingService pairings, CurrentUser user) {
        this.matching = matching;
        this.pairings = pairings;
        this.user = user;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.DISTRICT_ADMIN, Roles.VIEWER})
    @Operation(operationId = "getMatching", summary = "A matching proposal; the ETag is its version")
    @APIResponse(responseCode = "200", description = "The proposal", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProposalResponse.class)))
    @APIResponse(responseCode = "404", description = "No such proposal", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        MatchingProposal proposal = matching.get(id);
        return Response.ok(toResponse(proposal)).tag(Versions.etag(proposal.version)).build();
    }

    @POST
    @Path("/{id}/edits")
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @Operation(operationId = "editMatching", summary = "Swap, remove, lock or unlock a proposed pair (If-Match required)")
    @APIResponse(responseCode = "200", description = "The edited proposal", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProposalResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such proposal", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already confirmed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Changed by someone else since your read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Locked pair, never-pair or travel limit", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response edit(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull ProposalEditRequest request) {
        MatchingProposal proposal = matching.edit(id, Versions.expected(ifMatch, "matching proposal " + id), request.action(),
                request.residencySchoolId(), request.otherResidencySchoolId());
        return Response.ok(toResponse(proposal)).tag(Versions.etag(proposal.version)).build();
    }

    @POST
    @Path("/{id}/confirmation")
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @Operation(operationId = "confirmMatching", summary = "Confirm the proposal: one pairing per studio school, each with a proposed"
            + " first team (its schools' principals and coaches, the focus and designated residency teachers, the supervising leader,"
            + " a consultant and a district literacy coach spread over the year's pairings); If-Match required")
    @APIResponse(responseCode = "200", description = "The pairings created, each with its etag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = PairingResponse.class)))
    @APIResponse(responseCode = "400", description = "A named consultant or district literacy coach is not one", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such proposal", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already confirmed, or a school was paired meanwhile", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Changed by someone else since your read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "No pairs to confirm", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<PairingResponse> confirm(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                         @Valid ConfirmationRequest request) {
        return pairings.confirm(id, Versions.expected(ifMatch, "matching proposal " + id), user.name(), ConfirmationRequest.toOptions(request))
                .stream().map(PairingResource::toResponse).toList();
    }

    /** The same confirmation sent without a body (and so without a JSON content type): the team options of the directory. */
    @POST
    @Path("/{id}/confirmation")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @Operation(hidden = true)
    public List<PairingResponse> confirmWithoutBody(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return confirm(id, ifMatch, null);
    }

    static ProposalResponse toResponse(MatchingService matching, MatchingProposal proposal) {
        return toResponse(proposal, matching.schoolNames(proposal));
    }

    private ProposalResponse toResponse(MatchingProposal proposal) {
        return toResponse(proposal, matching.schoolNames(proposal));
    }

    private static ProposalResponse toResponse(MatchingProposal proposal, Map<UUID, String> names) {
        return new ProposalResponse(proposal.id, proposal.schoolYearId, proposal.status.name(),
                proposal.pairs.stream().map(p -> new ProposalResponse.Pair(ref(p.studioSchoolId(), names), ref(p.residencySchoolId(), names),
                        p.score(), p.breakdown(), p.locked(), p.warnings())).toList(),
                proposal.unmatched.stream().map(u -> new ProposalResponse.Unmatched(ref(u.residencySchoolId(), names), u.reason())).toList(),
                proposal.totalScore, proposal.version);
    }

    private static ProposalResponse.SchoolRef ref(UUID id, Map<UUID, String> names) {
        return new ProposalResponse.SchoolRef(id, names.get(id));
    }
}
