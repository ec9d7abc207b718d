package org.studioresidency.session.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.studioresidency.session.report.LearningLoopCsv;
import org.studioresidency.session.report.LearningLoopHtml;
import org.studioresidency.session.report.LearningLoopReport;
import org.studioresidency.session.report.LearningLoopReports;
import org.studioresidency.session.report.LearningLoopSnapshots;
import org.studioresidency.session.rest.problem.Problem;
import org.studioresidency.session.security.CurrentUser;
import org.studioresidency.session.security.Roles;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * The learning-loop report. Its records ({@link LearningLoopReport}) are a read model made for this answer: computed
 * figures, neither entities nor event records, so they are served as they are rather than copied field by field.
 */
@Path("/reports/learning-loop")
@Tag(name = "Reports")
@APIResponse(responseCode = "400", description = "schoolYearId missing or not a UUID", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role not allowed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such school year", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class LearningLoopReportResource {

    /** How many pairings' snapshots were written to the outbox (published within seconds). */
    public record SnapshotRunResponse(int published) {
    }

    private final LearningLoopReports reports;
    private final LearningLoopSnapshots snapshots;
    private final CurrentUser user;

    LearningLoopReportResource(LearningLoopReports reports, LearningLoopSnapshots snapshots, CurrentUser user) {
        this.reports = reports;
        this.snapshots = snapshots;
        this.user = user;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DISTRICT_ADMIN, Roles.VIEWER, Roles.PRINCIPAL})
    @Operation(operationId = "getLearningLoopReport", summary = "Gradual release, follow-through, focus, attendance, evaluations and building ownership "
            + "for the district, each pairing and each school (principals: their school and its pairings only)")
    @APIResponse(responseCode = "200", description = "The report", content = @Content(schema = @Schema(implementation = LearningLoopReport.class)))
    public LearningLoopReport report(@QueryParam("schoolYearId") @NotNull UUID schoolYearId) {
        return reports.report(schoolYearId, onlySchool());
    }

    @GET
    @Path("/export")
    @Produces("text/csv")
    @RolesAllowed({Roles.DISTRICT_ADMIN, Roles.VIEWER, Roles.PRINCIPAL})
    @Operation(operationId = "exportLearningLoopReport", summary = "The same figures as CSV, one per row (scope, scope_id, scope_name, figure, group, value)")
    @APIResponse(responseCode = "200", description = "RFC 4180 CSV with a header row", content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    public Response export(@QueryParam("schoolYearId") @NotNull UUID schoolYearId) {
        return Response.ok(LearningLoopCsv.write(reports.report(schoolYearId, onlySchool())), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"learning-loop-" + schoolYearId + ".csv\"").build();
    }

    @GET
    @Path("/page")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({Roles.DISTRICT_ADMIN, Roles.VIEWER, Roles.PRINCIPAL})
    @Operation(operationId = "getLearningLoopReportPage", summary = "The same figures as an HTML page with SVG charts and links to the sessions behind them")
    @APIResponse(responseCode = "200", description = "HTML; every figure carries its JSON path and value (data-figure, data-value)", content = @Content(mediaType = "text/html", schema = @Schema(type = SchemaType.STRING)))
    public Response page(@QueryParam("schoolYearId") @NotNull UUID schoolYearId) {
        return Response.ok(LearningLoopHtml.write(reports.report(schoolYearId, onlySchool())), "text/html; charset=UTF-8").build();
    }

    @POST
    @Path("/snapshots")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @Operation(operationId = "publishLearningLoopSnapshots", summary = "Publish every live pairing's learning-loop snapshot now "
            + "(district.report.learning-loop-snapshot.v1), as the weekly run does: for the leaders' monthly email and the principals' digests")
    @APIResponse(responseCode = "202", description = "Snapshots written to the outbox; published to Kafka within seconds",
            content = @Content(schema = @Schema(implementation = SnapshotRunResponse.class)))
    public Response publishSnapshots(@QueryParam("schoolYearId") @NotNull UUID schoolYearId) {
        return Response.accepted(new SnapshotRunResponse(snapshots.publish(schoolYearId, OffsetDateTime.now(ZoneOffset.UTC)))).build();
    }

    private Optional<UUID> onlySchool() {
        return user.seesWholeDistrict() ? Optional.empty() : Optional.of(user.schoolId().orElse(new UUID(0, 0)));
    }
}
