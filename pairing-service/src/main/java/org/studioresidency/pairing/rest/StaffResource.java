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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.studioresidency.pairing.domain.Staff;
import org.studioresidency.pairing.domain.StaffRole;
import org.studioresidency.pairing.repository.StaffRepository;
import org.studioresidency.pairing.rest.problem.Problem;
import org.studioresidency.pairing.security.CurrentUser;
import org.studioresidency.pairing.security.Roles;
import org.studioresidency.pairing.security.Scope;
import org.studioresidency.pairing.service.DirectoryService;
import org.studioresidency.pairing.service.Paged;

import java.util.List;
import java.util.UUID;

@Path("/staff")
@Tag(name = "Staff", description = "Principals, coaches, teachers, central-office leaders and consultants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role not allowed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class StaffResource {

    private final DirectoryService service;
    private final CurrentUser user;
    private final RenderedReads reads;

    StaffResource(DirectoryService service, CurrentUser user, RenderedReads reads) {
        this.service = service;
        this.user = user;
        this.reads = reads;
    }

    @GET
    @RolesAllowed({Roles.DISTRICT_ADMIN, Roles.VIEWER, Roles.PRINCIPAL})
    @Operation(operationId = "listStaff", summary = "List staff (a principal sees only their school's), filtered, sorted and paged")
    @APIResponse(responseCode = "200", description = "One page of staff; X-Total-Count has the total", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PageResponse.StaffPage.class)))
    @APIResponse(responseCode = "400", description = "Unknown sort field, role, bad paging or too many externalId values", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response list(@QueryParam("name") String name, @QueryParam("role") String role, @QueryParam("schoolId") String schoolId,
                         @QueryParam("active") Boolean active,
                         @Parameter(description = "Only the staff with these external ids (the OneRoster user sourcedId);"
                                 + " repeat the parameter for several, at most " + QueryParams.MAX_EXTERNAL_IDS,
                                 example = "[\"T-1001\"]") @QueryParam("externalId") List<String> externalIds,
                         @QueryParam("sort") String sort,
                         @QueryParam("page") String page,
                         @QueryParam("size") String size, @Context UriInfo uri) {
        return reads.serve(uri, Scope.of(user), scope -> page(name, role, schoolId, active, externalIds, sort, page, size, scope));
    }

    private Response page(String name, String role, String schoolId, Boolean active, List<String> externalIds, String sort, String page,
                          String size, Scope scope) {
        Paged<StaffResponse> result = service.listStaff(new StaffRepository.Filter(name,
                QueryParams.oneOf("role", role, StaffRole.class), QueryParams.uuid("schoolId", schoolId), active,
                QueryParams.values("externalId", externalIds, QueryParams.MAX_EXTERNAL_IDS), null),
                QueryParams.whole("page", page, 0, 0, 100_000), QueryParams.whole("size", size, 20, 1, 200), sort, scope).map(StaffResource::toResponse);
        return Response.ok(PageResponse.of(result)).header(PageResponse.TOTAL_HEADER, result.total()).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.DISTRICT_ADMIN, Roles.VIEWER, Roles.PRINCIPAL})
    @Operation(operationId = "getStaffMember", summary = "Get one staff member; the ETag is the record's version")
    @APIResponse(responseCode = "200", description = "The staff member",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StaffResponse.class)))
    @APIResponse(responseCode = "404", description = "No such staff member, or not at the principal's school", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id, @Context UriInfo uri) {
        return reads.serve(uri, Scope.of(user), scope -> {
            Staff member = service.staffMember(id, scope);
            return Response.ok(toResponse(member)).tag(Versions.etag(member.version)).build();
        });
    }

    @POST
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @Operation(operationId = "createStaffMember", summary = "Add a staff member")
    @APIResponse(responseCode = "201", description = "Created; Location names it", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StaffResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "External id or email already used, or the school already has a principal", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull StaffRequest request, @Context UriInfo uri) {
        Staff member = service.createStaff(request.toData());
        return Response.created(uri.getAbsolutePathBuilder().path(member.id.toString()).build())
                .tag(Versions.etag(member.version)).entity(toResponse(member)).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @Operation(operationId = "updateStaffMember", summary = "Replace a staff member's state; If-Match must carry the ETag of your last read")
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StaffResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such staff member", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "External id or email already used, or the school already has a principal", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Changed by someone else since your read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull StaffRequest request) {
        Staff member = service.updateStaff(id, Versions.expected(ifMatch, "staff member " + id), request.toData());
        return Response.ok(toResponse(member)).tag(Versions.etag(member.version)).build();
    }

    static StaffResponse toResponse(Staff member) {
        return new StaffResponse(member.id, member.externalId, member.name, member.email, member.role, member.schoolId, member.grade,
                List.copyOf(member.grades), member.active, member.version);
    }
}
