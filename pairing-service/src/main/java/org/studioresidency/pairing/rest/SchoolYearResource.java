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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.studioresidency.pairing.domain.SchoolYear;
import org.studioresidency.pairing.rest.problem.Problem;
import org.studioresidency.pairing.security.Roles;
import org.studioresidency.pairing.service.SchoolYearService;

import java.util.List;
import java.util.UUID;

@Path("/school-years")
@Tag(name = "School years")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role not allowed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class SchoolYearResource {

    private final SchoolYearService service;

    SchoolYearResource(SchoolYearService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({Roles.DISTRICT_ADMIN, Roles.VIEWER, Roles.PRINCIPAL})
    @Operation(operationId = "listSchoolYears", summary = "List school years, newest first")
    @APIResponse(responseCode = "200", description = "The school years")
    public List<SchoolYearResponse> list() {
        return service.list().stream().map(SchoolYearResource::toResponse).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.DISTRICT_ADMIN, Roles.VIEWER, Roles.PRINCIPAL})
    @Operation(operationId = "getSchoolYear", summary = "Get one school year; its ETag is the version to send in If-Match")
    @APIResponse(responseCode = "200", description = "The school year", content = @Content(schema = @Schema(implementation = SchoolYearResponse.class)))
    @APIResponse(responseCode = "404", description = "No such school year", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        SchoolYear year = service.get(id);
        return Response.ok(toResponse(year)).tag(Versions.etag(year.version)).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @Operation(operationId = "updateSchoolYear", summary = "Rename a school year or move its days; If-Match must carry the ETag of your last read")
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(schema = @Schema(implementation = SchoolYearResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such school year", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Another school year has that name", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Changed by someone else since your read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull SchoolYearRequest request) {
        SchoolYear year = service.update(id, Versions.expected(ifMatch, "school year " + id), request.name(), request.firstDay(),
                request.lastDay());
        return Response.ok(toResponse(year)).tag(Versions.etag(year.version)).build();
    }

    @POST
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @Operation(operationId = "createSchoolYear", summary = "Add a school year")
    @APIResponse(responseCode = "201", description = "Created; Location names it", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SchoolYearResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A school year of that name exists", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull SchoolYearRequest request, @Context UriInfo uri) {
        SchoolYear year = service.create(request.name(), request.firstDay(), request.lastDay());
        return Response.created(uri.getAbsolutePathBuilder().path(year.id.toString()).build()).entity(toResponse(year)).build();
    }

    private static SchoolYearResponse toResponse(SchoolYear year) {
        return new SchoolYearResponse(year.id, year.name, year.firstDay, year.lastDay);
    }
}
