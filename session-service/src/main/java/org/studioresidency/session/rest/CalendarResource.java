package org.studioresidency.session.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
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
import java.util.List;
import java.util.UUID;

@Path("/school-years/{schoolYearId}/calendar")
@Tag(name = "District calendar")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role not allowed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such school year", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class CalendarResource {

    @Schema(example = """
            {"kind": "HOLIDAY", "note": "Veterans Day"}""")
    public record DayChange(@NotNull DayKind kind, @Size(max = 200) String note) {
    }

    @Schema(example = """
            {"reason": "State reading assessment window"}""")
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
    @Operation(operationId = "importCalendar", summary = "Import the district's published iCalendar (.ics): holidays, breaks, testing, early release",
            description = "Recurring events (RRULE, RDATE, EXDATE, RECURRENCE-ID overrides) are expanded within the school year; "
                    + "all-day, timed and multi-day events mark every weekday they touch (timed ones in the district's time zone). "
                    + "Each event is classified by its CATEGORIES and SUMMARY: first by the district's `map` entries in the order "
                    + "given, then (unless `defaults=false`) by the built-in words listed in the session-service README. Where "
                    + "events overlap, the strongest kind is kept: BREAK, HOLIDAY, DISTRICT_BLACKOUT, EARLY_RELEASE; a saved day "
                    + "of a stronger kind is kept too. Every overlap is listed in the answer. Limits: calendar-import.max-bytes "
                    + "(413), calendar-import.max-events and calendar-import.max-occurrences (400).")
    @RequestBody(content = @Content(mediaType = "text/calendar", schema = @Schema(type = SchemaType.STRING),
            examples = @ExampleObject(name = "early release on the first Wednesday", value = """
                    BEGIN:VCALENDAR
                    VERSION:2.0
                    PRODID:-//District//Calendar//EN
                    BEGIN:VEVENT
                    UID:er@district
                    DTSTAMP:20260801T000000Z
                    DTSTART;VALUE=DATE:20260902
                    RRULE:FREQ=MONTHLY;BYDAY=1WE;UNTIL=20270602
                    EXDATE;VALUE=DATE:20261202
                    SUMMARY:Early Release Wednesday
                    END:VEVENT
                    END:VCALENDAR""")))
    @APIResponse(responseCode = "200", description = "Days written, events read, events that could not be classified, every overlap",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CalendarService.ImportResult.class)))
    @APIResponse(responseCode = "400", description = "Not an iCalendar file, a bad `map` entry, or more events or occurrences than the limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The file is larger than calendar-import.max-bytes",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CalendarService.ImportResult importIcs(
            @PathParam("schoolYearId") UUID schoolYearId,
            @Parameter(description = "The district's own classification, `word=KIND`, repeatable, checked before the built-in words "
                    + "(whole words or phrases of CATEGORIES or SUMMARY, ignoring case). KIND: HOLIDAY, BREAK, DISTRICT_BLACKOUT, "
                    + "EARLY_RELEASE, or IGNORE to skip matching events.", examples = {
                    @ExampleObject(name = "PD day", value = "[\"PD Day=HOLIDAY\"]"),
                    @ExampleObject(name = "skip", value = "[\"Picture day=IGNORE\"]")})
            @QueryParam("map") List<String> map,
            @Parameter(description = "false: use only the `map` entries, not the built-in words")
            @QueryParam("defaults") @DefaultValue("true") boolean defaults,
            InputStream ics) {
        return service.importIcs(schoolYearId, ics, map, defaults);
    }

    @PUT
    @Path("/school-blackouts/{schoolId}/{date}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @Operation(operationId = "setSchoolBlackout", summary = "Black out a date for one school: no session of any pairing it takes part in (as studio or residency school) is held that day")
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
