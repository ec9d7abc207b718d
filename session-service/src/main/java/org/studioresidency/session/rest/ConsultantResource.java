package org.studioresidency.session.rest;

import org.studioresidency.session.service.PlainText;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.studioresidency.session.rest.problem.Problem;
import org.studioresidency.session.security.Roles;
import org.studioresidency.session.service.ConsultantService;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

@Path("/consultants")
@Tag(name = "Consultants")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role not allowed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ConsultantResource {

    @Schema(description = "A consultant's contract terms. contractedDays empty: any instructional day. unavailableDates: days"
            + " the consultant does not work; a date inside contractedDays is a vacation (contracted, not worked)", example = """
            {"name": "Dr. Helen Ward", "maxSessionsPerWeek": 2,
             "contractedDays": ["2026-10-06", "2026-10-13", "2026-10-20"], "unavailableDates": ["2026-10-13"]}""")
    public record ConsultantTerms(UUID staffId, @PlainText @Size(max = 200) String name, @Min(1) @Max(10) int maxSessionsPerWeek,
                                  @NotNull @Size(max = 400) Set<@NotNull LocalDate> contractedDays,
                                  @NotNull @Size(max = 400) Set<@NotNull LocalDate> unavailableDates) {
    }

    @Schema(description = "One consultant's terms in a bulk call; staffId names the consultant", example = """
            {"staffId": "5d0c0000-0000-4000-8000-000000000010", "name": "Dr. Helen Ward", "maxSessionsPerWeek": 2,
             "contractedDays": ["2026-10-06", "2026-10-13"], "unavailableDates": ["2026-10-13"]}""")
    public record BulkConsultantTerms(@NotNull UUID staffId,
                                      @Schema(description = "The version read (GET /consultants); required once the consultant's terms were set")
                                      Long version, @PlainText @Size(max = 200) String name, @Min(1) @Max(10) int maxSessionsPerWeek,
                                      @NotNull @Size(max = 400) Set<@NotNull LocalDate> contractedDays,
                                      @NotNull @Size(max = 400) Set<@NotNull LocalDate> unavailableDates) {
    }

    @Schema(description = "A consultant with their terms; termsSet false: no terms were set yet and these are the defaults the"
            + " planner assumes (any instructional day, no unavailable dates, the default weekly maximum)")
    public record ConsultantResponse(UUID staffId, @Schema(nullable = true) String name, @Schema(nullable = true) String email,
                                     int maxSessionsPerWeek, Set<LocalDate> contractedDays, Set<LocalDate> unavailableDates,
                                     boolean termsSet,
                                     @Schema(nullable = true, description = "The terms' version (also the ETag); null until terms are set") Long version) {

        static ConsultantResponse of(ConsultantService.ConsultantTerms t) {
            return new ConsultantResponse(t.staffId(), t.name(), t.email(), t.maxSessionsPerWeek(), new TreeSet<>(t.contractedDays()),
                    new TreeSet<>(t.unavailableDates()), t.termsSet(), t.version());
        }
    }

    /** The most consultants one bulk call sets: far more than a district contracts. */
    static final int MAX_BULK = 200;

    private final ConsultantService service;

    ConsultantResource(ConsultantService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({Roles.DISTRICT_ADMIN, Roles.VIEWER})
    @Operation(operationId = "listConsultants", summary = "Every external consultant of the directory with their terms, or the"
            + " defaults (termsSet false) until terms are set")
    @APIResponse(responseCode = "200", description = "The consultants, by name",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = ConsultantResponse.class)))
    public List<ConsultantResponse> list() {
        return service.list().stream().map(ConsultantResponse::of).toList();
    }

    @PUT
    @Path("/{staffId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @Operation(operationId = "putConsultant", summary = "Set a consultant's contract terms (empty contracted days: any instructional"
            + " day; unavailable dates inside contracted days are vacations)")
    @APIResponse(responseCode = "200", description = "Saved",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConsultantResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid field", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is not the terms' current version", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing for terms set before", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response put(@PathParam("staffId") UUID staffId, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull ConsultantTerms body) {
        Long expected = ifMatch == null || ifMatch.isBlank() ? null : Versions.expected(ifMatch, "the terms of consultant " + staffId);
        ConsultantService.ConsultantTerms saved = service.put(staffId, expected, "If-Match", body.name(), body.maxSessionsPerWeek(),
                body.contractedDays(), body.unavailableDates());
        return Response.ok(ConsultantResponse.of(saved)).tag(Versions.etag(saved.version())).build();
    }

    @GET
    @Path("/{staffId}")
    @RolesAllowed({Roles.DISTRICT_ADMIN, Roles.VIEWER})
    @Operation(operationId = "getConsultant", summary = "One consultant's terms (or the defaults); the ETag is the version to send in If-Match")
    @APIResponse(responseCode = "200", description = "The consultant",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConsultantResponse.class)))
    @APIResponse(responseCode = "404", description = "No such consultant", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("staffId") UUID staffId) {
        ConsultantService.ConsultantTerms terms = service.get(staffId);
        Response.ResponseBuilder ok = Response.ok(ConsultantResponse.of(terms));
        return (terms.version() == null ? ok : ok.tag(Versions.etag(terms.version()))).build();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @Operation(operationId = "putConsultants", summary = "Set the contract terms of many consultants in one call, all or none")
    @APIResponse(responseCode = "200", description = "Saved; each consultant's terms as stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = ConsultantResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid field, naming the element ([2].maxSessionsPerWeek), or a consultant given twice", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<ConsultantResponse> putAll(@Valid @NotNull @Size(min = 1, max = MAX_BULK) List<@Valid @NotNull BulkConsultantTerms> body) {
        return service.putAll(body.stream().map(t -> new ConsultantService.Terms(t.staffId(), t.version(), t.name(), t.maxSessionsPerWeek(),
                t.contractedDays(), t.unavailableDates())).toList()).stream().map(ConsultantResponse::of).toList();
    }
}
