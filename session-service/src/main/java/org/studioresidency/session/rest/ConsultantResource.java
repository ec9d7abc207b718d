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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
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

    public record ConsultantTerms(UUID staffId, @PlainText @Size(max = 200) String name, @Min(1) @Max(10) int maxSessionsPerWeek,
                                  @NotNull Set<@NotNull LocalDate> contractedDays, @NotNull Set<@NotNull LocalDate> unavailableDates) {

        static ConsultantTerms of(ConsultantService.ConsultantTerms t) {
            return new ConsultantTerms(t.consultant().staffId, t.consultant().name, t.consultant().maxSessionsPerWeek,
                    new TreeSet<>(t.contractedDays()), new TreeSet<>(t.unavailableDates()));
        }
    }

    private final ConsultantService service;

    ConsultantResource(ConsultantService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({Roles.DISTRICT_ADMIN, Roles.VIEWER})
    @Operation(operationId = "listConsultants", summary = "Consultants' contracted days, unavailable dates and weekly maximum")
    @APIResponse(responseCode = "200", description = "The consultants")
    public List<ConsultantTerms> list() {
        return service.list().stream().map(ConsultantTerms::of).toList();
    }

    @PUT
    @Path("/{staffId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @Operation(operationId = "putConsultant", summary = "Set a consultant's contract terms (empty contracted days: any instructional day)")
    @APIResponse(responseCode = "200", description = "Saved")
    @APIResponse(responseCode = "400", description = "Invalid field", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ConsultantTerms put(@PathParam("staffId") UUID staffId, @Valid @NotNull ConsultantTerms body) {
        return ConsultantTerms.of(service.put(staffId, body.name(), body.maxSessionsPerWeek(), body.contractedDays(), body.unavailableDates()));
    }
}
