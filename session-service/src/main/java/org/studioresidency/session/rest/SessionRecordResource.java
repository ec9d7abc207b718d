package org.studioresidency.session.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.studioresidency.session.domain.Focus;
import org.studioresidency.session.rest.problem.Problem;
import org.studioresidency.session.security.CurrentUser;
import org.studioresidency.session.security.Roles;
import org.studioresidency.session.service.SessionRecordService;
import org.studioresidency.session.service.SessionService;

import java.time.LocalDate;
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
public class SessionRecordResource {

    public record RecordResponse(SessionResponse session, String focus, String problemOfPractice, String preVisitPlan, String agenda,
                                 String demonstrated, String notes, List<SessionParts.AttendanceResponse> attendance,
                                 List<SessionParts.NextStepResponse> nextSteps, List<SessionParts.EvaluationResponse> evaluations) {

        static RecordResponse of(SessionRecordService.SessionRecord r) {
            var s = r.view().session();
            return new RecordResponse(SessionResponse.of(r.view()), s.focus == null ? null : s.focus.name(), s.problemOfPractice,
                    s.preVisitPlan, s.agenda, s.demonstrated, s.notes, r.attendance().stream().map(SessionParts.AttendanceResponse::of).toList(),
                    r.nextSteps().stream().map(SessionParts.NextStepResponse::of).toList(),
                    r.evaluations().stream().map(SessionParts.EvaluationResponse::of).toList());
        }

        /** The record with the session's version as its ETag: the If-Match of the record's writes. */
        static Response ok(SessionRecordService.SessionRecord r) {
            return Response.ok(of(r)).tag(Versions.etag(r.view().session().version)).build();
        }
    }

    @Schema(example = """
            {"focus": "READ_ALOUD", "problemOfPractice": "Students retell but do not infer", "plan": "Model a think-aloud with a picture book, then co-plan"}""")
    public record PreVisitPlan(@NotNull Focus focus, @NotBlank @Size(max = 2000) String problemOfPractice, @Size(max = 4000) String plan) {
    }

    @Schema(example = """
            {"agenda": "8:00 opening; 8:15 demonstration lesson; 9:15 debrief; 10:00 next steps; 10:30 closing"}""")
    public record Agenda(@NotBlank @Size(max = 4000) String agenda) {
    }

    @Schema(example = """
            {"attendance": [{"staffId": "5d0c0000-0000-4000-8000-000000000006", "present": true}]}""")
    public record Held(@NotNull List<SessionRecordService.@NotNull @Valid Presence> attendance) {
    }

    /** {@code kind}: what sort of try-on commitment it is (optional). */
    public record NextStepRequest(@NotBlank @Size(max = 1000) String description, @NotNull UUID ownerStaffId, @NotNull LocalDate dueDate,
                                  org.studioresidency.session.domain.NextStep.Kind kind) {
    }

    @Schema(example = """
            {"focus": "READ_ALOUD", "problemOfPractice": "Students retell but do not infer", "demonstrated": "Think-aloud with stop-and-jot", "notes": "Strong turn-and-talk", "nextSteps": [{"description": "Try one think-aloud a week", "ownerStaffId": "5d0c0000-0000-4000-8000-000000000006", "dueDate": "2026-11-20", "kind": "TRY_IN_CLASSROOM"}]}""")
    public record SummaryRequest(@NotNull Focus focus, @Size(max = 2000) String problemOfPractice, @Size(max = 4000) String demonstrated,
                                 @Size(max = 8000) String notes, @NotNull List<@NotNull @Valid NextStepRequest> nextSteps) {
    }

    @Schema(example = """
            {"staffId": "5d0c0000-0000-4000-8000-000000000006", "rating": 5, "comment": "Seeing it with my own students made it stick"}""")
    public record EvaluationRequest(@NotNull UUID staffId, @Min(1) @Max(5) int rating, @Size(max = 2000) String comment) {
    }

    private final SessionRecordService records;
    private final SessionService sessions;
    private final CurrentUser user;
    private final RenderedReads reads;

    SessionRecordResource(SessionRecordService records, SessionService sessions, CurrentUser user, RenderedReads reads) {
        this.records = records;
        this.sessions = sessions;
        this.user = user;
        this.reads = reads;
    }

    @GET
    @Path("/{id}/record")
    @RolesAllowed({Roles.DISTRICT_ADMIN, Roles.VIEWER, Roles.PRINCIPAL})
    @Operation(operationId = "getSessionRecord", summary = "The session's plan, agenda, attendance, notes, next steps and evaluations")
    @APIResponse(responseCode = "200", description = "The record",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecordResponse.class)))
    public Response get(@PathParam("id") UUID id, @jakarta.ws.rs.core.Context jakarta.ws.rs.core.UriInfo uri) {
        return reads.serve(uri, onlySchool(), scope -> RecordResponse.ok(records.get(id, scope)));
    }

    @PUT
    @Path("/{id}/pre-visit-plan")
    @RolesAllowed({Roles.DISTRICT_ADMIN, Roles.PRINCIPAL})
    @Operation(operationId = "planVisit", summary = "Record the focus and plan the two principals agreed before the visit")
    @APIResponse(responseCode = "200", description = "Saved",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecordResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid field", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Session cancelled", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is not the session's current version", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response planVisit(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull PreVisitPlan body) {
        return RecordResponse.ok(records.planVisit(id, Versions.expected(ifMatch, "session " + id), onlySchool(), body.focus(),
                body.problemOfPractice(), body.plan(), user.subject()));
    }

    @PUT
    @Path("/{id}/agenda")
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @Operation(operationId = "setAgenda", summary = "Set the session's agenda")
    @APIResponse(responseCode = "200", description = "Saved",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecordResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid field", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is not the session's current version", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response agenda(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull Agenda body) {
        return RecordResponse.ok(records.setAgenda(id, Versions.expected(ifMatch, "session " + id), body.agenda()));
    }

    @POST
    @Path("/{id}/held")
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @Operation(operationId = "markSessionHeld", summary = "The session took place; record attendance")
    @APIResponse(responseCode = "200", description = "Held",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecordResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid field", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not a published session", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is not the session's current version", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response held(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull Held body) {
        return RecordResponse.ok(records.held(id, Versions.expected(ifMatch, "session " + id), body.attendance()));
    }

    @POST
    @Path("/{id}/summary")
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @Operation(operationId = "summariseSession", summary = "Record notes and next steps; the summary goes to the principals")
    @APIResponse(responseCode = "200", description = "Summarised",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecordResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid field", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not a held session", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is not the session's current version", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response summarise(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull SummaryRequest body) {
        return RecordResponse.ok(records.summarise(id, Versions.expected(ifMatch, "session " + id), new SessionRecordService.Summary(body.focus(), body.problemOfPractice(),
                body.demonstrated(), body.notes(), body.nextSteps().stream()
                .map(n -> new SessionRecordService.PlannedStep(n.description(), n.ownerStaffId(), n.dueDate(), n.kind())).toList())));
    }

    @POST
    @Path("/{id}/evaluations")
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @Operation(operationId = "evaluateSession", summary = "A participant's rating (1-5) and comment on a held session")
    @APIResponse(responseCode = "204", description = "Saved",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecordResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid field", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not held yet", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void evaluateSession(@PathParam("id") UUID id, @Valid @NotNull EvaluationRequest body) {
        records.evaluate(sessions.get(id, Optional.empty()).session().pairingId, id, body.staffId(), body.rating(), body.comment());
    }

    @GET
    @Path("/{id}/alternatives")
    @RolesAllowed({Roles.DISTRICT_ADMIN, Roles.VIEWER})
    @Operation(operationId = "suggestAlternativeSlots", summary = "The best other dates and half-days for this session, with their score impact")
    @APIResponse(responseCode = "200", description = "Ranked slots, best first")
    @APIResponse(responseCode = "409", description = "The session cannot move", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<SessionService.Alternative> alternatives(@PathParam("id") UUID id,
                                                         @QueryParam("limit") @DefaultValue("10") @Min(1) @Max(50) int limit) {
        return sessions.alternatives(id, limit);
    }

    private Optional<UUID> onlySchool() {
        return user.seesWholeDistrict() ? Optional.empty() : Optional.of(user.schoolId().orElse(new UUID(0, 0)));
    }
}
