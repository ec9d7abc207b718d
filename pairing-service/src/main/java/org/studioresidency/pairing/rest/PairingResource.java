package org.studioresidency.pairing.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.studioresidency.pairing.domain.Staff;
import org.studioresidency.pairing.domain.TeamMember;
import org.studioresidency.pairing.domain.TeamVersion;
import org.studioresidency.pairing.rest.problem.Problem;
import org.studioresidency.pairing.security.CurrentUser;
import org.studioresidency.pairing.security.Roles;
import org.studioresidency.pairing.security.Scope;
import org.studioresidency.pairing.service.PairingService;
import org.studioresidency.pairing.service.PairingView;

import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/pairings")
@Tag(name = "Pairings", description = "Confirmed pairings and their versioned teams")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role not allowed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class PairingResource {

    private final PairingService service;
    private final CurrentUser user;
    private final RenderedReads reads;

    PairingResource(PairingService service, CurrentUser user, RenderedReads reads) {
        this.service = service;
        this.user = user;
        this.reads = reads;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.DISTRICT_ADMIN, Roles.VIEWER, Roles.PRINCIPAL})
    @Operation(operationId = "getPairing", summary = "A pairing and its current team; the ETag is its version")
    @APIResponse(responseCode = "200", description = "The pairing", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PairingResponse.class)))
    @APIResponse(responseCode = "404", description = "No such pairing, or not the principal's school's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id, @Context UriInfo uri) {
        return reads.serve(uri, Scope.of(user), scope -> {
            PairingView view = service.get(id, scope);
            return Response.ok(toResponse(view)).tag(Versions.etag(view.pairing().version)).build();
        });
    }

    @PUT
    @Path("/{id}/team")
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @Operation(operationId = "changeTeam", summary = "Replace the pairing's team as a new team version (If-Match: the pairing's ETag)")
    @APIResponse(responseCode = "200", description = "The pairing with its new team; warnings when the team is unusual", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PairingResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid member or role", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such pairing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Pairing dissolved", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Changed by someone else since your read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response changeTeam(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull TeamRequest request) {
        PairingView view = service.changeTeam(id, Versions.expected(ifMatch, "pairing " + id), request.toMembers(), request.note(), user.name());
        return Response.ok(toResponse(view)).tag(Versions.etag(view.pairing().version)).build();
    }

    @PUT
    @Path("/{id}/participants/{schoolId}")
    @RolesAllowed({Roles.DISTRICT_ADMIN, Roles.PRINCIPAL})
    @Operation(operationId = "setParticipants", summary = "Set which of one school's teachers are the pairing's residency teachers"
            + " (a principal: their own school only), as a new team version (If-Match: the pairing's ETag)")
    @APIResponse(responseCode = "200", description = "The pairing with its new team",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PairingResponse.class)))
    @APIResponse(responseCode = "400", description = "A teacher not of that school, named twice, or in the team in another role", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such pairing visible to the caller, or the school is not in it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Pairing dissolved", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Changed by someone else since your read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response setParticipants(@PathParam("id") UUID id, @PathParam("schoolId") UUID schoolId, @HeaderParam("If-Match") String ifMatch,
                                    @Valid @NotNull ParticipantsRequest request) {
        PairingView view = service.setParticipants(id, Versions.expected(ifMatch, "pairing " + id), schoolId, request.teacherIds(),
                request.note(), user.name(), Scope.of(user));
        return Response.ok(toResponse(view)).tag(Versions.etag(view.pairing().version)).build();
    }

    @GET
    @Path("/{id}/team/history")
    @RolesAllowed({Roles.DISTRICT_ADMIN, Roles.VIEWER, Roles.PRINCIPAL})
    @Operation(operationId = "listTeamVersions", summary = "Every version of the pairing's team, newest first")
    @APIResponse(responseCode = "200", description = "The team versions")
    @APIResponse(responseCode = "404", description = "No such pairing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<TeamVersionResponse> history(@PathParam("id") UUID id) {
        List<TeamVersion> versions = service.teamHistory(id, Scope.of(user));
        Map<UUID, Staff> people = service.people(versions);
        return versions.stream().map(v -> new TeamVersionResponse(v.teamVersion, members(v.members, people), v.changedBy, v.note, v.changedAt))
                .toList();
    }

    @POST
    @Path("/{id}/dissolution")
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @Operation(operationId = "dissolvePairing", summary = "Dissolve the pairing with a reason (If-Match: the pairing's ETag)")
    @APIResponse(responseCode = "200", description = "The dissolved pairing", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PairingResponse.class)))
    @APIResponse(responseCode = "400", description = "Reason missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such pairing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already dissolved", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Changed by someone else since your read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response dissolve(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull DissolveRequest request) {
        PairingView view = service.dissolve(id, Versions.expected(ifMatch, "pairing " + id), request.reason().trim());
        return Response.ok(toResponse(view)).tag(Versions.etag(view.pairing().version)).build();
    }

    static PairingResponse toResponse(PairingView view) {
        return new PairingResponse(view.pairing().id, view.pairing().schoolYearId,
                new PairingResponse.SchoolRef(view.studio().id, view.studio().name),
                view.residencies().stream().map(s -> new PairingResponse.SchoolRef(s.id, s.name)).toList(),
                view.pairing().active, view.pairing().dissolvedReason, members(view.team().members, view.staff()),
                view.pairing().teamVersion, view.warnings(), view.pairing().version,
                view.pairing().yearRevision, Versions.etag(view.pairing().version).toString());
    }

    private static List<PairingResponse.Member> members(List<TeamMember> members, Map<UUID, Staff> people) {
        return members.stream().map(m -> {
            Staff person = people.get(m.staffId());
            return person == null ? new PairingResponse.Member(m.staffId(), null, null, null, null, m.teamRole())
                    : new PairingResponse.Member(person.id, person.name, person.email, person.role, person.schoolId, m.teamRole());
        }).toList();
    }
}
