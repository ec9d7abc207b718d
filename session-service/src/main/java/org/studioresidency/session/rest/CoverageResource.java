package org.studioresidency.session.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.studioresidency.session.config.CoverageConfig;
import org.studioresidency.session.domain.CoverageRequest;
import org.studioresidency.session.domain.DistrictSetting;
import org.studioresidency.session.rest.problem.Problem;
import org.studioresidency.session.security.CurrentUser;
import org.studioresidency.session.security.Roles;
import org.studioresidency.session.service.CoverageReports;
import org.studioresidency.session.service.HrCallbacks;
import org.studioresidency.session.service.SessionException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Path("/coverage")
@Tag(name = "Substitute coverage")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role not allowed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class CoverageResource {

    /** Columns of the flat-file export, in order. */
    static final String[] EXPORT_HEADER = {"external_id", "employee_id", "employee_name", "employee_email", "school_id", "date",
            "half_day", "start_time", "end_time", "units", "reason_code", "status", "hr_job_id"};

    private final CoverageReports service;
    private final CurrentUser user;
    private final CoverageConfig config;

    CoverageResource(CoverageReports service, CurrentUser user, CoverageConfig config) {
        this.service = service;
        this.user = user;
        this.config = config;
    }

    @GET
    @Path("/requests")
    @RolesAllowed({Roles.DISTRICT_ADMIN, Roles.VIEWER, Roles.PRINCIPAL})
    @Operation(operationId = "listCoverageRequests", summary = "Substitute coverage requests of a date range (a principal: their school's teachers)")
    @APIResponse(responseCode = "200", description = "The requests, by date, half-day and school")
    @APIResponse(responseCode = "400", description = "from or to missing or out of order", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<CoverageResponse> list(@QueryParam("from") @NotNull LocalDate from, @QueryParam("to") @NotNull LocalDate to,
                                       @QueryParam("sessionId") UUID sessionId) {
        Optional<UUID> onlySchool = user.seesWholeDistrict() ? Optional.empty() : Optional.of(user.schoolId().orElse(new UUID(0, 0)));
        return service.list(from, to, Optional.ofNullable(sessionId), onlySchool).stream().map(CoverageResponse::of).toList();
    }

    @GET
    @Path("/fill-rate")
    @RolesAllowed({Roles.DISTRICT_ADMIN, Roles.VIEWER})
    @Operation(operationId = "coverageFillRate", summary = "Requested, filled, unfilled and fill rate by date, school or ISO week")
    @APIResponse(responseCode = "200", description = "One row per date, school or week, in order")
    @APIResponse(responseCode = "400", description = "from, to or by invalid", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<CoverageReports.FillRate> fillRate(@QueryParam("from") @NotNull LocalDate from, @QueryParam("to") @NotNull LocalDate to,
                                                   @QueryParam("by") @DefaultValue("DATE") String by) {
        CoverageReports.FillRateGrouping grouping;
        try {
            grouping = CoverageReports.FillRateGrouping.valueOf(by.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new SessionException.InvalidField("by", "must be DATE, SCHOOL or WEEK");
        }
        return service.fillRate(from, to, grouping);
    }

    @GET
    @Path("/export")
    @Produces("text/csv")
    @RolesAllowed({Roles.DISTRICT_ADMIN, Roles.HR_SYSTEM})
    @Operation(operationId = "exportAbsenceJobs", summary = "Absence jobs of a date range as CSV for HR systems that import flat files (same range, same data: same bytes)")
    @APIResponse(responseCode = "200", description = "RFC 4180 CSV with a header row; one half-day (0.5 units) per row", content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "from or to missing or out of order", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response export(@QueryParam("from") @NotNull LocalDate from, @QueryParam("to") @NotNull LocalDate to) {
        List<CoverageRequest> jobs = service.exported(from, to);
        DistrictSetting settings = DistrictSetting.current();
        StringBuilder csv = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.RFC4180.builder().setHeader(EXPORT_HEADER).get())) {
            for (CoverageRequest r : jobs) {
                printer.printRecord(SafeCsv.cells(r.id, r.staffId, r.teacherName, r.teacherEmail, r.schoolId, r.date, r.halfDay,
                        settings.startOf(r.halfDay), settings.endOf(r.halfDay), HrCallbacks.HALF_DAY_UNITS.toPlainString(),
                        config.reasonCode(), r.status, r.hrJobId));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Response.ok(csv.toString(), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"absence-jobs-" + from + "-" + to + ".csv\"").build();
    }
}
