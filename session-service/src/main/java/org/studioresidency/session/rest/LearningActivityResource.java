package org.studioresidency.session.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.studioresidency.session.domain.Demonstration;
import org.studioresidency.session.domain.ProblemPresenter;
import org.studioresidency.session.rest.problem.Problem;
import org.studioresidency.session.security.CurrentUser;
import org.studioresidency.session.security.Roles;
import org.studioresidency.session.service.LearningActivityService;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Path("/sessions")
@Tag(name = "Session records")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role not allowed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such session (or not one of your school's)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class LearningActivityResource {

    private static final String EXAMPLE = """
            {"problemPresentedBy": "HOST_TEAM", "debriefLedByStaffId": "5d0c0000-0000-4000-8000-000000000010",
             "demonstrations": [
               {"staffId": "5d0c0000-0000-4000-8000-000000000010", "role": "CONSULTANT", "form": "LIVE_LESSON", "what": "Read-aloud with turn-and-talk"},
               {"staffId": "5d0c0000-0000-4000-8000-000000000006", "role": "STUDIO_TEACHER_WITH_COACH", "form": "VIDEO_SEGMENT", "what": "Conferring with two readers"}]}""";

    public record DemonstrationRequest(@NotNull UUID staffId, @NotNull Demonstration.Role role, @NotNull Demonstration.Form form,
                                       @NotBlank @Size(max = 1000) String what) {
    }

    /** {@code presentingSchoolId}: which residency school's team presented (needed only when the pairing has several). */
    public record LearningActivityRequest(@NotNull ProblemPresenter problemPresentedBy, UUID presentingSchoolId, UUID debriefLedByStaffId,
                                          @NotNull @Size(max = 20) List<@Valid @NotNull DemonstrationRequest> demonstrations) {
    }

    public record DemonstrationResponse(int position, UUID staffId, String name, UUID schoolId, String role, String form, String what,
                                        boolean firstPublicDemonstration) {
    }

    public record LearningActivityResponse(UUID sessionId, int number, String problemPresentedBy, UUID presentingSchoolId,
                                           UUID debriefLedByStaffId, String debriefLedByName, OffsetDateTime recordedAt,
                                           List<DemonstrationResponse> demonstrations) {

        static Response ok(LearningActivityService.LearningActivity a) {
            var s = a.session();
            var body = new LearningActivityResponse(s.id, s.number, s.problemPresentedBy == null ? null : s.problemPresentedBy.name(),
                    s.problemPresentedBySchoolId, s.debriefLedByStaffId, a.member(s.debriefLedByStaffId).map(m -> m.name).orElse(null),
                    s.learningActivityRecordedAt, a.demonstrations().stream().map(d -> new DemonstrationResponse(d.demonstration().position,
                    d.demonstration().staffId, d.demonstration().staffName, d.demonstration().schoolId, d.demonstration().role.name(),
                    d.demonstration().form.name(), d.demonstration().what, d.firstPublicDemonstration())).toList());
            return Response.ok(body).tag(Versions.etag(s.version)).build();
        }
    }

    private final LearningActivityService activity;
    private final CurrentUser user;

    LearningActivityResource(LearningActivityService activity, CurrentUser user) {
        this.activity = activity;
        this.user = user;
    }

    @GET
    @Path("/{id}/learning-activity")
    @RolesAllowed({Roles.DISTRICT_ADMIN, Roles.VIEWER, Roles.PRINCIPAL})
    @Operation(operationId = "getLearningActivity", summary = "Who presented the problem of practice, what was demonstrated by whom and how, who led the debrief; "
            + "firstPublicDemonstration marks a person's first public demonstration of the year (derived from the records)")
    @APIResponse(responseCode = "200", description = "The learning activity; the ETag is the session's",
            content = @Content(schema = @Schema(implementation = LearningActivityResponse.class)))
    public Response get(@PathParam("id") UUID id) {
        return LearningActivityResponse.ok(activity.get(id, onlySchool()));
    }

    @PUT
    @Path("/{id}/learning-activity")
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @Operation(operationId = "recordLearningActivity", summary = "Record (replace) a held session's public learning activity (If-Match: the session's ETag)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LearningActivityRequest.class),
            examples = @ExampleObject(name = "consultant then studio teacher", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Saved; the ETag is the session's new version",
            content = @Content(schema = @Schema(implementation = LearningActivityResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid field (each one named: a demonstrator not on the team, a role that does not fit their part)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The session has not been held", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is not the session's current version", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response record(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull LearningActivityRequest body) {
        long expected = Versions.expected(ifMatch, "session " + id);
        return LearningActivityResponse.ok(activity.record(id, expected, new LearningActivityService.ActivityInput(body.problemPresentedBy(),
                body.presentingSchoolId(), body.debriefLedByStaffId(), body.demonstrations().stream()
                .map(d -> new LearningActivityService.DemonstrationInput(d.staffId(), d.role(), d.form(), d.what())).toList())));
    }

    private Optional<UUID> onlySchool() {
        return user.seesWholeDistrict() ? Optional.empty() : Optional.of(user.schoolId().orElse(new UUID(0, 0)));
    }
}
