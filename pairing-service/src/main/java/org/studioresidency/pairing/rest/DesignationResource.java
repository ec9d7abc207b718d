package org.studioresidency.pairing.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.studioresidency.pairing.domain.StudioDesignation;
import org.studioresidency.pairing.rest.problem.Problem;
import org.studioresidency.pairing.security.CurrentUser;
import org.studioresidency.pairing.security.Roles;
import org.studioresidency.pairing.security.Scope;
import org.studioresidency.pairing.service.DesignationService;
import org.studioresidency.pairing.service.imports.DesignationImport;
import org.studioresidency.pairing.service.imports.ImportReport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;

@Path("/school-years/{schoolYearId}/designations")
@Tag(name = "Studio designation", description = "Yearly readiness ratings and studio designations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role not allowed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class DesignationResource {

    /** The most designations one bulk call sets: more than the largest district has elementary schools. */
    static final int MAX_BULK = 2000;

    private final DesignationService service;
    private final DesignationImport bulk;
    private final CurrentUser user;

    DesignationResource(DesignationService service, DesignationImport bulk, CurrentUser user) {
        this.service = service;
        this.bulk = bulk;
        this.user = user;
    }

    @PUT
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @Operation(operationId = "putDesignations", summary = "Set the readiness and designations of many schools in one call, all or nothing"
            + " (each row that changes an existing designation carries its version)")
    @APIResponse(responseCode = "200", description = "Applied; the report says what each row did and carries each school's id",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such school year", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Rows rejected, each named by its index ([3]) and reason; nothing applied", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ImportReport putAll(@PathParam("schoolYearId") UUID schoolYearId,
                               @Valid @NotNull @Size(min = 1, max = MAX_BULK) List<@Valid @NotNull DesignationBulkRequest> designations) {
        return bulk.putAll(schoolYearId, designations.stream().map(DesignationBulkRequest::toEntry).toList());
    }

    @POST
    @Path("/import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @Operation(operationId = "importDesignations", summary = "Set the readiness and designations of many schools from a CSV file"
            + " (externalId, readiness, readinessNote, studio, focusTeacher, literacyCoach, capacity, residencyTeachers, version), all or nothing")
    @APIResponse(responseCode = "200", description = "Applied; the report says what each row did and carries each school's id",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "400", description = "Missing or unreadable file", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such school year", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Rows rejected, each named with file, row and reason; nothing applied", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ImportReport importCsv(@PathParam("schoolYearId") UUID schoolYearId,
                                  @Parameter(description = "designations.csv; people by id, external id or email; several residency teachers separated by ;")
                                  @RestForm("file") FileUpload file) {
        return bulk.importCsv(schoolYearId, open(file));
    }

    private static InputStream open(FileUpload upload) {
        if (upload == null) {
            return null;
        }
        try {
            return Files.newInputStream(upload.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @RolesAllowed({Roles.DISTRICT_ADMIN, Roles.VIEWER, Roles.PRINCIPAL})
    @Operation(operationId = "listDesignations", summary = "Readiness and studio designations of the year (a principal sees their school's)")
    @APIResponse(responseCode = "200", description = "The designations")
    @APIResponse(responseCode = "404", description = "No such school year", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<DesignationResponse> list(@PathParam("schoolYearId") UUID schoolYearId) {
        return service.ofYear(schoolYearId, Scope.of(user)).stream().map(DesignationResource::toResponse).toList();
    }

    @GET
    @Path("/{schoolId}")
    @RolesAllowed({Roles.DISTRICT_ADMIN, Roles.VIEWER, Roles.PRINCIPAL})
    @Operation(operationId = "getDesignation", summary = "A school's readiness and designation for the year")
    @APIResponse(responseCode = "200", description = "The designation", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DesignationResponse.class)))
    @APIResponse(responseCode = "404", description = "Not rated this year", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("schoolYearId") UUID schoolYearId, @PathParam("schoolId") UUID schoolId) {
        StudioDesignation designation = service.get(schoolYearId, schoolId, Scope.of(user));
        return Response.ok(toResponse(designation)).tag(Versions.etag(designation.version)).build();
    }

    @PUT
    @Path("/{schoolId}")
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @Operation(operationId = "putDesignation", summary = "Rate a school's readiness and designate it studio (If-Match needed to replace an existing one)")
    @APIResponse(responseCode = "200", description = "Saved", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DesignationResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such school year or school", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Changed by someone else since your read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing for an existing designation", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response put(@PathParam("schoolYearId") UUID schoolYearId, @PathParam("schoolId") UUID schoolId,
                        @HeaderParam("If-Match") String ifMatch, @Valid @NotNull DesignationRequest request) {
        Long expected = ifMatch == null || ifMatch.isBlank() ? null : Versions.expected(ifMatch, "designation");
        StudioDesignation designation = service.put(schoolYearId, schoolId, expected, request.toData());
        return Response.ok(toResponse(designation)).tag(Versions.etag(designation.version)).build();
    }

    private static DesignationResponse toResponse(StudioDesignation d) {
        return new DesignationResponse(d.schoolYearId, d.schoolId, d.readiness, d.readinessNote, d.studio, d.focusTeacherId,
                d.literacyCoachId, d.capacity, List.copyOf(d.residencyTeacherIds), d.version);
    }
}
