package org.studioresidency.notification.rest;

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
import org.studioresidency.notification.rest.problem.Problem;
import org.studioresidency.notification.security.Roles;
import org.studioresidency.notification.service.SchoolYearService;

import java.util.List;
import java.util.UUID;

@Path("/school-years")
@Tag(name = "School years")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role not allowed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class SchoolYearResource {

    private final SchoolYearService service;

    SchoolYearResource(SchoolYearService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({Roles.DISTRICT_ADMIN, Roles.VIEWER, Roles.PRINCIPAL})
    @Operation(operationId = "listSchoolYears", summary = "List the school years announced by pairing-service, newest first")
    @APIResponse(responseCode = "200", description = "The school years")
    public List<SchoolYearResponse> list() {
        return service.list().stream().map(SchoolYearResource::toResponse).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.DISTRICT_ADMIN, Roles.VIEWER, Roles.PRINCIPAL})
    @Operation(operationId = "getSchoolYear", summary = "Get one school year")
    @APIResponse(responseCode = "200", description = "The school year")
    @APIResponse(responseCode = "404", description = "No such school year", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SchoolYearResponse get(@PathParam("id") UUID id) {
        return toResponse(service.get(id));
    }

    private static SchoolYearResponse toResponse(org.studioresidency.notification.domain.SchoolYear year) {
        return new SchoolYearResponse(year.id, year.name, year.firstDay, year.lastDay);
    }
}
