package org.studioresidency.session.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.studioresidency.session.domain.NextStep;
import org.studioresidency.session.rest.problem.Problem;
import org.studioresidency.session.security.CurrentUser;
import org.studioresidency.session.security.Roles;
import org.studioresidency.session.service.SessionRecordService;

import java.util.Optional;
import java.util.UUID;

@Path("/next-steps")
@Tag(name = "Session records")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role not allowed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such next step (or not one of your school's)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class NextStepResource {

    /** {@code evidence}: what was tried and seen, given when the step is closed (DONE or DROPPED). */
    @Schema(example = """
            {"status": "DONE", "evidence": "Tried the think-aloud in two second-grade rooms; students named the strategy"}""")
    public record NextStepStatus(@NotNull NextStep.Status status, @jakarta.validation.constraints.Size(max = 1000) String evidence) {
    }

    private final SessionRecordService records;
    private final CurrentUser user;

    NextStepResource(SessionRecordService records, CurrentUser user) {
        this.records = records;
        this.user = user;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.DISTRICT_ADMIN, Roles.VIEWER, Roles.PRINCIPAL})
    @Operation(operationId = "getNextStep", summary = "One next step; its ETag is the version to send in If-Match (principals: their school's people's steps)")
    @APIResponse(responseCode = "200", description = "The next step", content = @Content(schema = @Schema(implementation = SessionParts.NextStepResponse.class)))
    public Response get(@PathParam("id") UUID id) {
        NextStep step = records.nextStep(id, onlySchool());
        return Response.ok(SessionParts.NextStepResponse.of(step)).tag(Versions.etag(step.version)).build();
    }

    @PUT
    @Path("/{id}/status")
    @RolesAllowed({Roles.DISTRICT_ADMIN, Roles.PRINCIPAL})
    @Operation(operationId = "updateNextStep", summary = "Start, finish (DONE), drop or reopen a next step (If-Match required; principals: steps owned by their school's people)")
    @APIResponse(responseCode = "200", description = "Saved and announced; the ETag is the step's new version",
            content = @Content(schema = @Schema(implementation = SessionParts.NextStepResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid field", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is not the current version", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull NextStepStatus body) {
        long expected = Versions.expected(ifMatch, "next step " + id);
        NextStep step = records.updateNextStep(id, onlySchool(), body.status(), body.evidence(), expected, user.subject(),
                user.roleName());
        return Response.ok(SessionParts.NextStepResponse.of(step)).tag(Versions.etag(step.version)).build();
    }

    public record StatusChangeResponse(String previousStatus, String status, java.time.OffsetDateTime at, String bySubject, String byRole,
                                       String evidence) {
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.DISTRICT_ADMIN, Roles.VIEWER, Roles.PRINCIPAL})
    @Operation(operationId = "getNextStepHistory", summary = "Every status change of a next step, oldest first: when, by whom, with the evidence given")
    @APIResponse(responseCode = "200", description = "The status changes")
    public java.util.List<StatusChangeResponse> history(@PathParam("id") UUID id) {
        return records.nextStepHistory(id, onlySchool()).stream().map(c -> new StatusChangeResponse(c.previousStatus(), c.status(), c.at(),
                c.bySubject(), c.byRole(), c.evidence())).toList();
    }

    private Optional<UUID> onlySchool() {
        return user.seesWholeDistrict() ? Optional.empty() : Optional.of(user.schoolId().orElse(new UUID(0, 0)));
    }
}
