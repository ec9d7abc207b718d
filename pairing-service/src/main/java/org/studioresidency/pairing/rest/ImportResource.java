package org.studioresidency.pairing.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.studioresidency.pairing.rest.problem.Problem;
import org.studioresidency.pairing.security.Roles;
import org.studioresidency.pairing.service.imports.DemographicsImport;
import org.studioresidency.pairing.service.imports.ImportReport;
import org.studioresidency.pairing.service.imports.OneRosterImport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Set;

@Path("/imports")
@Tag(name = "Imports", description = "Bulk upsert of the directory from the district's rostering exports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.MULTIPART_FORM_DATA)
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role not allowed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ImportResource {

    private final OneRosterImport oneRoster;
    private final DemographicsImport demographics;

    ImportResource(OneRosterImport oneRoster, DemographicsImport demographics) {
        this.oneRoster = oneRoster;
        this.demographics = demographics;
    }

    @POST
    @Path("/oneroster")
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @Operation(operationId = "importOneRoster", summary = "Upsert schools and staff from OneRoster 1.2 CSV (orgs, users, optional roles; or a zip of them)")
    @APIResponse(responseCode = "200", description = "Applied; the report says what each row did, with the id of each school and staff member",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "400", description = "Missing or unreadable file", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Rows rejected, each named with file, row and reason; nothing applied", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ImportReport importOneRoster(@RestForm("orgs") FileUpload orgs, @RestForm("users") FileUpload users,
                                        @RestForm("roles") FileUpload roles, @RestForm("bundle") FileUpload bundle) {
        if (bundle != null) {
            try (ZipBundle files = ZipBundle.extract(bundle.uploadedFile(), Set.of("orgs.csv", "users.csv", "roles.csv"), "bundle")) {
                return oneRoster.run(files.open("orgs.csv"), files.open("users.csv"), files.open("roles.csv"));
            }
        }
        return oneRoster.run(open(orgs), open(users), open(roles));
    }

    @POST
    @Path("/demographics")
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @Operation(operationId = "importDemographics", summary = "Update schools' demographics and supervising leaders from a CSV keyed by"
            + " externalId", description = "Columns: externalId, then any of enrollment, freeReducedLunchPercent, englishLearnerPercent,"
            + " readingProficiencyPercent, homeLanguages, latitude, longitude, race.<group> and supervisingLeader (the external id or"
            + " email of an active central-office leader already in the directory). An empty cell keeps the stored value.")
    @APIResponse(responseCode = "200", description = "Applied; the report says what each row did, with each school's id",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "400", description = "Missing or unreadable file", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Rows rejected, each named with file, row and reason; nothing applied", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ImportReport importDemographics(@RestForm("file") FileUpload file) {
        return demographics.run(open(file));
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
}
