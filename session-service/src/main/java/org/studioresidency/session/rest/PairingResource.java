package org.studioresidency.session.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.studioresidency.session.domain.Pairing;
import org.studioresidency.session.rest.problem.Problem;
import org.studioresidency.session.security.CurrentUser;
import org.studioresidency.session.security.Roles;
import org.studioresidency.session.service.PairingService;
import org.studioresidency.session.service.SessionRecordService;

import java.util.List;
import java.util.UUID;

@Path("/pairings")
@Tag(name = "Pairings")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role not allowed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class PairingResource {

    public record PairingResponse(UUID pairingId, UUID schoolYearId, SessionParts.SchoolName studioSchool,
                                  List<SessionParts.SchoolName> residencySchools, List<SessionParts.Member> team, int teamVersion) {

        static PairingResponse of(Pairing p) {
            return new PairingResponse(p.id, p.schoolYearId, new SessionParts.SchoolName(p.studioSchoolId, p.studioSchoolName),
                    p.residencySchools.stream().map(s -> new SessionParts.SchoolName(s.schoolId, s.name)).toList(),
                    p.team.stream().map(SessionParts.Member::of).toList(),
                    p.teamVersion);
        }
    }

    @Schema(example = """
            {"staffId": "5d0c0000-0000-4000-8000-000000000006", "rating": 4, "comment": "The debriefs changed how our team plans read-alouds"}""")
    public record EndOfYearEvaluation(@NotNull UUID staffId, @Min(1) @Max(5) int rating, @Size(max = 2000) String comment) {
    }

    private final PairingService service;
    private final SessionRecordService records;
    private final CurrentUser user;

    PairingResource(PairingService service, SessionRecordService records, CurrentUser user) {
        this.service = service;
        this.records = records;
        this.user = user;
    }

    @POST
    @Path("/{id}/evaluations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @Operation(operationId = "evaluateYear", summary = "A participant's end-of-year rating (1-5) and comment on the pairing's work")
    @APIResponse(responseCode = "204", description = "Saved")
    @APIResponse(responseCode = "400", description = "Invalid field", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such pairing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void evaluateYear(@PathParam("id") UUID pairingId, @Valid @NotNull EndOfYearEvaluation body) {
        records.evaluate(pairingId, null, body.staffId(), body.rating(), body.comment());
    }

    @GET
    @RolesAllowed({Roles.DISTRICT_ADMIN, Roles.VIEWER, Roles.PRINCIPAL})
    @Operation(operationId = "listPairings", summary = "The year's active pairings with their teams, as pairing-service announced them")
    @APIResponse(responseCode = "200", description = "The pairings")
    @APIResponse(responseCode = "400", description = "schoolYearId missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<PairingResponse> list(@QueryParam("schoolYearId") @NotNull UUID schoolYearId) {
        return service.listForYear(schoolYearId).stream()
                .filter(p -> user.seesWholeDistrict() || user.schoolId().map(p::concernsSchool).orElse(false))
                .map(PairingResponse::of).toList();
    }
}
