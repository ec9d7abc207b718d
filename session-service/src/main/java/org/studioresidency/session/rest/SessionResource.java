package org.studioresidency.session.rest;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.studioresidency.session.rest.problem.Problem;
import org.studioresidency.session.security.CurrentUser;
import org.studioresidency.session.security.Roles;
import org.studioresidency.session.service.SessionService;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Path("/sessions")
@Tag(name = "Sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role not allowed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class SessionResource {

    private final SessionService service;
    private final CurrentUser user;

    SessionResource(SessionService service, CurrentUser user) {
        this.service = service;
        this.user = user;
    }

    @GET
    @RolesAllowed({Roles.DISTRICT_ADMIN, Roles.VIEWER, Roles.PRINCIPAL})
    @Operation(operationId = "listSessions", summary = "List a school year's sessions (a principal sees those of their school's pairings)")
    @APIResponse(responseCode = "200", description = "The sessions, by date")
    @APIResponse(responseCode = "400", description = "schoolYearId missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<SessionResponse> list(@QueryParam("schoolYearId") @NotNull UUID schoolYearId) {
        return service.list(schoolYearId, onlySchool()).stream().map(SessionResponse::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.DISTRICT_ADMIN, Roles.VIEWER, Roles.PRINCIPAL})
    @Operation(operationId = "getSession", summary = "Get one session; its ETag is the version to send in If-Match")
    @APIResponse(responseCode = "200", description = "The session")
    @APIResponse(responseCode = "404", description = "No such session (or not one of your school's)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        SessionService.SessionView view = service.get(id, onlySchool());
        return Response.ok(SessionResponse.of(view, service.conflictsOf(id))).tag(Versions.etag(view.session().version)).build();
    }

    @POST
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @Operation(operationId = "createSession", summary = "Add a session by hand; it is published at once")
    @APIResponse(responseCode = "201", description = "Created and published")
    @APIResponse(responseCode = "400", description = "Invalid field", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Breaks a hard rule; each conflict is listed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull SessionRequests.CreateSession request, @jakarta.ws.rs.core.Context UriInfo uri) {
        SessionService.SessionView view = service.create(request.pairingId(), request.date(), request.halfDay());
        return withEtag(Response.created(uri.getAbsolutePathBuilder().path(view.session().id.toString()).build()), view);
    }

    @PUT
    @Path("/{id}/slot")
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @Operation(operationId = "moveSession", summary = "Move a session to another date and half-day (If-Match required)")
    @APIResponse(responseCode = "200", description = "Moved; published sessions are announced as rescheduled")
    @APIResponse(responseCode = "400", description = "Invalid field", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such session", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Breaks a hard rule; each conflict is listed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is not the current version", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response move(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                         @Valid @NotNull SessionRequests.MoveSession request) {
        return withEtag(Response.ok(), service.move(id, Versions.expected(ifMatch, "session " + id), request.date(), request.halfDay()));
    }

    @POST
    @Path("/{id}/cancellation")
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @Operation(operationId = "cancelSession", summary = "Cancel a session, with the reason people will see (If-Match required)")
    @APIResponse(responseCode = "200", description = "Cancelled")
    @APIResponse(responseCode = "400", description = "Invalid field", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such session", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already held", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is not the current version", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response cancel(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                           @Valid @NotNull SessionRequests.CancelSession request) {
        return withEtag(Response.ok(), service.cancel(id, Versions.expected(ifMatch, "session " + id), request.reason()));
    }

    private Optional<UUID> onlySchool() {
        return user.seesWholeDistrict() ? Optional.empty() : Optional.of(user.schoolId().orElse(new UUID(0, 0)));
    }

    private static Response withEtag(Response.ResponseBuilder builder, SessionService.SessionView view) {
        return builder.entity(SessionResponse.of(view)).tag(Versions.etag(view.session().version)).build();
    }
}
