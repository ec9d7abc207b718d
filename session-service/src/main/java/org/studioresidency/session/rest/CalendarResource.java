package org.studioresidency.session.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.studioresidency.session.repository.CalendarRepository.DayKind;
import org.studioresidency.session.rest.problem.Problem;
import org.studioresidency.session.security.CurrentUser;
import org.studioresidency.session.security.Roles;
import org.studioresidency.session.service.CalendarService;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.UUID;

@Path("/school-years/{schoolYearId}/calendar")
@Tag(name = "District calendar")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role not allowed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such school year", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class CalendarResource {

    public record DayChange(@NotNull DayKind kind, @Size(max = 200) String note) {
    }

    public record BlackoutChange(@Size(max = 200) String reason) {
    }

    private final CalendarService service;
    private final CurrentUser user;

    CalendarResource(CalendarService service, CurrentUser user) {
        this.service = service;
        this.user = user;
    }

    @GET
    @RolesAllowed({Roles.DISTRICT_ADMIN, Roles.VIEWER, Roles.PRINCIPAL})
    @Operation(operationId = "getCalendar", summary = "The year's calendar: weekdays are instructional unless listed here (principals see their school's blackouts only)")
    @APIResponse(responseCode = "200", description = "Day entries and school blackouts")
    public CalendarService.Calendar get(@PathParam("schoolYearId") UUID schoolYearId) {
        CalendarService.Calendar calendar = service.get(schoolYearId);
        if (user.seesWholeDistrict()) {
            return calendar;
        }
        UUID school = user.schoolId().orElse(new UUID(0, 0));
        return new CalendarService.Calendar(calendar.schoolYearId(), calendar.days(),
                calendar.schoolBlackouts().stream().filter(b -> b.schoolId().equals(school)).toList());
    }

    @PUT
    @Path("/days/{date}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @Operation(operationId = "setCalendarDay", summary = "Mark a day as holiday, break, district blackout, early release or instructional")
    @APIResponse(responseCode = "204", description = "Saved")
    @APIResponse(responseCode = "400", description = "Invalid field", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void setDay(@PathParam("schoolYearId") UUID schoolYearId, @PathParam("date") LocalDate date, @Valid @NotNull DayChange change) {
        service.setDay(schoolYearId, date, change.kind(), change.note());
    }

    @DELETE
    @Path("/days/{date}")
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @Operation(operationId = "clearCalendarDay", summary = "Make a day an ordinary instructional day again")
    @APIResponse(responseCode = "204", description = "Cleared")
    public void clearDay(@PathParam("schoolYearId") UUID schoolYearId, @PathParam("date") LocalDate date) {
        service.clearDay(schoolYearId, date);
    }

    @POST
    @Path("/import")
    @Consumes("text/calendar")
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @Operation(operationId = "importCalendar", summary = "Import the district's published iCalendar (.ics): holidays, breaks, testing, early release")
    @APIResponse(responseCode = "200", description = "Days written and events that could not be classified")
    @APIResponse(responseCode = "400", description = "Not an iCalendar file", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CalendarService.ImportResult importIcs(@PathParam("schoolYearId") UUID schoolYearId, InputStream ics) {
        return service.importIcs(schoolYearId, ics);
    }

    @PUT
    @Path("/school-blackouts/{schoolId}/{date}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @Operation(operationId = "setSchoolBlackout", summary = "Black out a date for one host school")
    @APIResponse(responseCode = "204", description = "Saved")
    @APIResponse(responseCode = "400", description = "Invalid field", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void setBlackout(@PathParam("schoolYearId") UUID schoolYearId, @PathParam("schoolId") UUID schoolId,
                            @PathParam("date") LocalDate date, @Valid BlackoutChange change) {
        service.setSchoolBlackout(schoolYearId, schoolId, date, change == null ? null : change.reason());
    }

    @DELETE
    @Path("/school-blackouts/{schoolId}/{date}")
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @Operation(operationId = "clearSchoolBlackout", summary = "Lift a school's blackout")
    @APIResponse(responseCode = "204", description = "Lifted")
    public void clearBlackout(@PathParam("schoolYearId") UUID schoolYearId, @PathParam("schoolId") UUID schoolId,
                              @PathParam("date") LocalDate date) {
        service.clearSchoolBlackout(schoolYearId, schoolId, date);
    }
}
