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
import org.studioresidency.pairing.domain.School;
import org.studioresidency.pairing.domain.Staff;
import org.studioresidency.pairing.repository.SchoolRepository;
import org.studioresidency.pairing.rest.problem.Problem;
import org.studioresidency.pairing.security.CurrentUser;
import org.studioresidency.pairing.security.Roles;
import org.studioresidency.pairing.security.Scope;
import org.studioresidency.pairing.service.DirectoryService;
import org.studioresidency.pairing.service.Paged;

import java.util.List;
import java.util.UUID;

@Path("/schools")
@Tag(name = "Schools", description = "Elementary schools and their demographics")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role not allowed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class SchoolResource {

    private final DirectoryService service;
    private final CurrentUser user;
    private final RenderedReads reads;

    SchoolResource(DirectoryService service, CurrentUser user, RenderedReads reads) {
        this.service = service;
        this.user = user;
        this.reads = reads;
    }

    @GET
    @RolesAllowed({Roles.DISTRICT_ADMIN, Roles.VIEWER, Roles.PRINCIPAL})
    @Operation(operationId = "listSchools", summary = "List schools (a principal sees only their own), filtered, sorted and paged")
    @APIResponse(responseCode = "200", description = "One page of schools; X-Total-Count has the total", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PageResponse.SchoolPage.class)))
    @APIResponse(responseCode = "400", description = "Unknown sort field, bad paging or too many externalId values", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response list(@QueryParam("name") String name, @QueryParam("gradeSpan") String gradeSpan,
                         @QueryParam("supervisingLeaderId") String supervisingLeaderId,
                         @Parameter(description = "Only the schools with these external ids (the SIS / OneRoster sourcedId);"
                                 + " repeat the parameter for several, at most " + QueryParams.MAX_EXTERNAL_IDS,
                                 example = "[\"SIS-0042\"]") @QueryParam("externalId") List<String> externalIds,
                         @QueryParam("sort") String sort,
                         @QueryParam("page") String page,
                         @QueryParam("size") String size, @Context UriInfo uri) {
        return reads.serve(uri, Scope.of(user), scope -> page(name, gradeSpan, supervisingLeaderId, externalIds, sort, page, size, scope));
    }

    private Response page(String name, String gradeSpan, String supervisingLeaderId, List<String> externalIds, String sort, String page,
                          String size, Scope scope) {
        Paged<School> schools = service.listSchools(new SchoolRepository.Filter(name, gradeSpan,
                        QueryParams.uuid("supervisingLeaderId", supervisingLeaderId),
                        QueryParams.values("externalId", externalIds, QueryParams.MAX_EXTERNAL_IDS), null),
                QueryParams.whole("page", page, 0, 0, 100_000), QueryParams.whole("size", size, 20, 1, 200), sort, scope);
        // One query for the page's principals, not one per school.
        java.util.Map<UUID, Staff> principals = service.principalsOf(schools.items().stream().map(s -> s.id).toList());
        Paged<SchoolResponse> result = schools.map(school -> toResponse(school, java.util.Optional.ofNullable(principals.get(school.id))));
        return Response.ok(PageResponse.of(result)).header(PageResponse.TOTAL_HEADER, result.total()).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.DISTRICT_ADMIN, Roles.VIEWER, Roles.PRINCIPAL})
    @Operation(operationId = "getSchool", summary = "Get one school; the ETag is its version")
    @APIResponse(responseCode = "200", description = "The school", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SchoolResponse.class)))
    @APIResponse(responseCode = "404", description = "No such school, or not the principal's own", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id, @Context UriInfo uri) {
        return reads.serve(uri, Scope.of(user), scope -> {
            School school = service.school(id, scope);
            return Response.ok(toResponse(school)).tag(Versions.etag(school.version)).build();
        });
    }

    @POST
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @Operation(operationId = "createSchool", summary = "Add a school")
    @APIResponse(responseCode = "201", description = "Created; Location names it", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SchoolResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "External id already used", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull SchoolRequest request, @Context UriInfo uri) {
        School school = service.createSchool(request.toData());
        return Response.created(uri.getAbsolutePathBuilder().path(school.id.toString()).build())
                .tag(Versions.etag(school.version)).entity(toResponse(school)).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @Operation(operationId = "updateSchool", summary = "Replace a school's state; If-Match must carry the ETag of your last read")
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SchoolResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such school", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "External id already used", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Changed by someone else since your read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull SchoolRequest request) {
        School school = service.updateSchool(id, Versions.expected(ifMatch, "school " + id), request.toData());
        return Response.ok(toResponse(school)).tag(Versions.etag(school.version)).build();
    }

    private SchoolResponse toResponse(School school) {
        return toResponse(school, service.principalOf(school.id));
    }

    private static SchoolResponse toResponse(School school, java.util.Optional<Staff> principalOf) {
        SchoolResponse.PersonResponse principal = principalOf.map(p -> new SchoolResponse.PersonResponse(p.id, p.name, p.email)).orElse(null);
        return new SchoolResponse(school.id, school.externalId, school.name, school.address, school.latitude, school.longitude,
                school.gradeSpan, school.enrollment, school.freeReducedLunchPercent, school.englishLearnerPercent,
                school.readingProficiencyPercent, school.homeLanguages, school.raceEthnicity, school.supervisingLeaderId, principal,
                school.version);
    }
}
