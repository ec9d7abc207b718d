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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.studioresidency.session.domain.SessionStatus;
import org.studioresidency.session.service.SessionException;
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

    static final int DEFAULT_PAGE = 50;
    static final int MAX_PAGE = 200;

    private final SessionService service;
    private final CurrentUser user;
    private final RenderedReads reads;

    SessionResource(SessionService service, CurrentUser user, RenderedReads reads) {
        this.service = service;
        this.user = user;
        this.reads = reads;
    }

    @GET
    @RolesAllowed({Roles.DISTRICT_ADMIN, Roles.VIEWER, Roles.PRINCIPAL})
    @Operation(operationId = "listSessions", summary = "A page of a school year's sessions by date, filtered by pairing, school, dates and status"
            + " (a principal sees those of their school's pairings); participants are in GET /sessions/{id}")
    @APIResponse(responseCode = "200", description = "One page of sessions; X-Total-Count has the total",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionListItem.Page.class)))
    @APIResponse(responseCode = "400", description = "schoolYearId missing, or a filter or paging parameter invalid (named)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response list(@QueryParam("schoolYearId") String schoolYearId, @QueryParam("pairingId") String pairingId,
                         @QueryParam("schoolId") String schoolId, @QueryParam("from") String from, @QueryParam("to") String to,
                         @QueryParam("status") String status,
                         @Parameter(description = "0-based page") @QueryParam("page") String page,
                         @Parameter(description = "sessions per page, 1 to " + MAX_PAGE + " (default " + DEFAULT_PAGE + ")") @QueryParam("size") String size,
                         @jakarta.ws.rs.core.Context UriInfo uri) {
        return reads.serve(uri, onlySchool(), scope -> page(schoolYearId, pairingId, schoolId, from, to, status, page, size, scope));
    }

    private Response page(String schoolYearId, String pairingId, String schoolId, String from, String to, String status, String page,
                          String size, Optional<UUID> onlySchool) {
        UUID year = QueryParams.uuid("schoolYearId", schoolYearId);
        if (year == null) {
            throw new SessionException.InvalidField("schoolYearId", "is required");
        }
        SessionService.Filter filter = new SessionService.Filter(QueryParams.uuid("pairingId", pairingId), QueryParams.uuid("schoolId", schoolId),
                QueryParams.date("from", from), QueryParams.date("to", to), QueryParams.oneOf("status", status, SessionStatus.class));
        SessionService.Page found = service.page(year, filter, onlySchool, QueryParams.whole("page", page, 0, 0, Integer.MAX_VALUE),
                QueryParams.whole("size", size, DEFAULT_PAGE, 1, MAX_PAGE));
        SessionListItem.Page answer = new SessionListItem.Page(found.items().stream().map(SessionListItem::of).toList(), found.page(),
                found.size(), found.total());
        return Response.ok(answer).header(SessionListItem.Page.TOTAL_HEADER, found.total()).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.DISTRICT_ADMIN, Roles.VIEWER, Roles.PRINCIPAL})
    @Operation(operationId = "getSession", summary = "Get one session; its ETag is the version to send in If-Match")
    @APIResponse(responseCode = "200", description = "The session",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionResponse.class)))
    @APIResponse(responseCode = "404", description = "No such session (or not one of your school's)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id, @jakarta.ws.rs.core.Context UriInfo uri) {
        return reads.serve(uri, onlySchool(), scope -> {
            SessionService.SessionView view = service.get(id, scope);
            return Response.ok(SessionResponse.of(view, service.conflictsOf(id))).tag(Versions.etag(view.session().version)).build();
        });
    }

    @POST
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @Operation(operationId = "createSession", summary = "Add a session by hand; it is published at once")
    @APIResponse(responseCode = "201", description = "Created and published",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionResponse.class)))
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
    @APIResponse(responseCode = "200", description = "Moved; published sessions are announced as rescheduled",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionResponse.class)))
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
    @APIResponse(responseCode = "200", description = "Cancelled",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionResponse.class)))
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
