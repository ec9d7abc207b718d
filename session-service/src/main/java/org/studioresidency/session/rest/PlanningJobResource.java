package org.studioresidency.session.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.studioresidency.session.domain.PlanningJob;
import org.studioresidency.session.rest.problem.Problem;
import org.studioresidency.session.security.Roles;
import org.studioresidency.session.service.PlanningService;
import org.studioresidency.session.solver.PlanExplanation;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

@Path("/planning-jobs")
@Tag(name = "Planning")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role not allowed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class PlanningJobResource {

    /** The longest a read may wait for its job: long enough for a large district's plan, short of proxies' idle timeouts. */
    static final int MAX_WAIT_SECONDS = 120;

    private final PlanningService service;

    PlanningJobResource(PlanningService service) {
        this.service = service;
    }

    @Schema(example = """
            {"schoolYearId": "7b1e0000-0000-4000-8000-000000000001", "pairingRevision": 12}""")
    public record StartPlanning(@NotNull UUID schoolYearId,
                                @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "Consistency token: the yearRevision"
                                        + " pairing-service returned from your last pairing change. Planning waits (bounded) until"
                                        + " session-service has applied that change, else answers 409 with Retry-After.")
                                @jakarta.validation.constraints.Min(1) Long pairingRevision) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @Operation(operationId = "startPlanningJob", summary = "Plan the school year's sessions in the background; with Prefer: wait=N,"
            + " answer with the finished job when it finishes within N seconds")
    @APIResponse(responseCode = "201", description = "Only with Prefer: wait=N: the job finished within the wait (see its status);"
            + " it is at its Location", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanningJobResponse.class)))
    @APIResponse(responseCode = "202", description = "Queued or solving; poll the job at its Location (GET with wait to wait for it)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanningJobResponse.class)))
    @APIResponse(responseCode = "404", description = "No such school year", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A job for this year is already queued or solving, nothing is left to plan, or the"
            + " pairings the caller changed have not reached session-service yet (then with Retry-After)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "400", description = "Invalid field", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response start(@Valid @NotNull StartPlanning request,
                          @Parameter(description = "RFC 7240. wait=N (seconds, at most " + MAX_WAIT_SECONDS + "): answer 201 with the"
                                  + " finished job if it finishes within N seconds, else 202 as without it. Other preferences are ignored.",
                                  example = "wait=60")
                          @HeaderParam("Prefer") String prefer, @Context UriInfo uri) {
        PlanningJob started = service.start(request.schoolYearId(), request.pairingRevision());
        java.util.OptionalInt wait = PreferWait.seconds(prefer, MAX_WAIT_SECONDS);
        PlanningService.JobView job = wait.isPresent() ? service.awaitFinished(started.id, Duration.ofSeconds(wait.getAsInt()))
                : new PlanningService.JobView(started, List.of());
        Response.ResponseBuilder answer = job.job().status.isRunning() ? Response.accepted() : Response.status(Response.Status.CREATED);
        return answer.entity(PlanningJobResponse.of(job)).tag(Versions.etag(job.job().version))
                .location(uri.getAbsolutePathBuilder().path(started.id.toString()).build()).build();
    }

    @GET
    @RolesAllowed({Roles.DISTRICT_ADMIN, Roles.VIEWER})
    @Operation(operationId = "listPlanningJobs", summary = "List a school year's planning jobs, newest first")
    @APIResponse(responseCode = "200", description = "The jobs")
    public List<PlanningJobResponse> list(@QueryParam("schoolYearId") @NotNull UUID schoolYearId) {
        return service.ofYear(schoolYearId).stream().map(job -> PlanningJobResponse.of(new PlanningService.JobView(job, List.of()))).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.DISTRICT_ADMIN, Roles.VIEWER})
    @Operation(operationId = "getPlanningJob", summary = "A planning job's status, elapsed time and best score so far; with wait, once"
            + " it has finished (or after that many seconds)")
    @APIResponse(responseCode = "200", description = "The job (still QUEUED or SOLVING when the wait ran out)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanningJobResponse.class)))
    @APIResponse(responseCode = "400", description = "wait outside 0-" + MAX_WAIT_SECONDS, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such job", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id,
                        @Parameter(description = "Seconds to wait for the job to finish (any status but QUEUED and SOLVING) before"
                                + " answering; 0 (default) answers at once. The answer comes as soon as the job finishes, so a"
                                + " portal waits for its plan in one call instead of polling.")
                        @QueryParam("wait") @DefaultValue("0") @Min(0) @Max(MAX_WAIT_SECONDS) int wait) {
        PlanningService.JobView job = wait == 0 ? service.get(id) : service.awaitFinished(id, Duration.ofSeconds(wait));
        return Response.ok(PlanningJobResponse.of(job)).tag(Versions.etag(job.job().version)).build();
    }

    @POST
    @Path("/{id}/stop")
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @Operation(operationId = "stopPlanningJob", summary = "Stop solving early and keep the best plan so far")
    @APIResponse(responseCode = "202", description = "Stopping",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanningJobResponse.class)))
    @APIResponse(responseCode = "404", description = "No such job", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response stop(@PathParam("id") UUID id) {
        return Response.accepted(PlanningJobResponse.of(service.stop(id))).build();
    }

    @GET
    @Path("/{id}/explanation")
    @RolesAllowed({Roles.DISTRICT_ADMIN, Roles.VIEWER})
    @Operation(operationId = "explainPlan", summary = "The plan's score per constraint, and each penalised session with the reasons")
    @APIResponse(responseCode = "200", description = "The explanation")
    @APIResponse(responseCode = "404", description = "No such job", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Still solving", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PlanExplanation explanation(@PathParam("id") UUID id) {
        return service.explanation(id);
    }

    @POST
    @Path("/{id}/publication")
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @Operation(operationId = "publishPlan", summary = "Publish the reviewed plan in one step: its sessions go into people's calendars (If-Match required)")
    @APIResponse(responseCode = "200", description = "Published",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanningJobResponse.class)))
    @APIResponse(responseCode = "404", description = "No such job", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not finished, breaks hard rules, or conflicts with a change made since", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is not the current version", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response publish(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        PlanningJob job = service.publish(id, Versions.expected(ifMatch, "planning job " + id));
        return Response.ok(PlanningJobResponse.of(new PlanningService.JobView(job, List.of()))).tag(Versions.etag(job.version)).build();
    }
}
