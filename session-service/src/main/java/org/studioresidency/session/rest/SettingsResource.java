package org.studioresidency.session.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.studioresidency.session.domain.DistrictSetting;
import org.studioresidency.session.rest.problem.Problem;
import org.studioresidency.session.security.Roles;
import org.studioresidency.session.service.SettingsService;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.Set;

@Path("/settings")
@Tag(name = "District settings")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role not allowed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class SettingsResource {

    @Schema(example = """
            {"sessionsPerPairing": 6, "minDaysBetweenSessions": 14, "dailySubstituteCap": 40, "substituteTeamRoles": ["STUDIO_TEACHER", "RESIDENCY_TEACHER"], "preferredWeekdays": ["TUESDAY", "WEDNESDAY", "THURSDAY"], "amStart": "08:00:00", "amEnd": "11:30:00", "pmStart": "12:30:00", "pmEnd": "15:30:00", "timeZone": "America/Chicago", "version": 3}""")
    public record Settings(@Min(1) @Max(40) int sessionsPerPairing, @Min(0) @Max(120) int minDaysBetweenSessions,
                           @Min(0) int dailySubstituteCap, @NotNull Set<@NotNull String> substituteTeamRoles,
                           @NotNull Set<@NotNull DayOfWeek> preferredWeekdays, @NotNull LocalTime amStart, @NotNull LocalTime amEnd,
                           @NotNull LocalTime pmStart, @NotNull LocalTime pmEnd, @NotBlank String timeZone, long version) {

        static Settings of(DistrictSetting s) {
            return new Settings(s.sessionsPerPairing, s.minDaysBetween, s.dailySubstituteCap, s.substituteRoles(), s.preferredDays(),
                    s.amStart, s.amEnd, s.pmStart, s.pmEnd, s.timeZone, s.version);
        }
    }

    @Schema(example = """
            {"cap": 20}""")
    public record CapOverride(@Min(0) int cap) {
    }

    private final SettingsService service;

    SettingsResource(SettingsService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({Roles.DISTRICT_ADMIN, Roles.VIEWER, Roles.PRINCIPAL, Roles.HR_SYSTEM})
    @Operation(operationId = "getSettings", summary = "Sessions per pairing, minimum gap, daily substitute cap, roles needing a substitute, times")
    @APIResponse(responseCode = "200", description = "The settings",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Settings.class)))
    public Response get() {
        DistrictSetting settings = service.get();
        return Response.ok(Settings.of(settings)).tag(Versions.etag(settings.version)).build();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @Operation(operationId = "updateSettings", summary = "Change the district's settings")
    @APIResponse(responseCode = "200", description = "Saved",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Settings.class)))
    @APIResponse(responseCode = "400", description = "Invalid field", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is not the current version", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(@HeaderParam("If-Match") String ifMatch, @Valid @NotNull Settings body) {
        DistrictSetting saved = service.update(new SettingsService.Change(body.sessionsPerPairing(), body.minDaysBetweenSessions(),
                body.dailySubstituteCap(), body.substituteTeamRoles(), body.preferredWeekdays(), body.amStart(), body.amEnd(),
                body.pmStart(), body.pmEnd(), body.timeZone()), Versions.expected(ifMatch, "the district settings"));
        return Response.ok(Settings.of(saved)).tag(Versions.etag(saved.version)).build();
    }

    @GET
    @Path("/substitute-caps")
    @RolesAllowed({Roles.DISTRICT_ADMIN, Roles.VIEWER, Roles.HR_SYSTEM})
    @Operation(operationId = "listSubstituteCapOverrides", summary = "Per-date overrides of the daily substitute cap")
    @APIResponse(responseCode = "200", description = "Date to cap")
    @APIResponse(responseCode = "400", description = "from/to missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Map<LocalDate, Integer> caps(@QueryParam("from") @NotNull LocalDate from, @QueryParam("to") @NotNull LocalDate to) {
        return service.capOverrides(from, to);
    }

    @PUT
    @Path("/substitute-caps/{date}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @Operation(operationId = "setSubstituteCapOverride", summary = "Set the substitute cap for one date")
    @APIResponse(responseCode = "204", description = "Saved")
    @APIResponse(responseCode = "400", description = "Invalid field", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void setCap(@PathParam("date") LocalDate date, @Valid @NotNull CapOverride body) {
        service.setCapOverride(date, body.cap());
    }

    @DELETE
    @Path("/substitute-caps/{date}")
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @Operation(operationId = "clearSubstituteCapOverride", summary = "Use the district-wide cap again on this date")
    @APIResponse(responseCode = "204", description = "Cleared")
    public void clearCap(@PathParam("date") LocalDate date) {
        service.clearCapOverride(date);
    }
}
