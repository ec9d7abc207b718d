package org.studioresidency.session.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.studioresidency.session.rest.problem.Problem;
import org.studioresidency.session.security.CurrentUser;
import org.studioresidency.session.security.Roles;
import org.studioresidency.session.service.CalendarFeedService;
import org.studioresidency.session.service.CalendarSubscriptions;
import org.studioresidency.session.service.SessionException;

import java.util.UUID;

@Path("/feeds")
@Tag(name = "Calendar feeds")
@Produces(CalendarFeedResource.TEXT_CALENDAR)
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role not allowed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class CalendarFeedResource {

    static final String TEXT_CALENDAR = "text/calendar";

    private final CalendarFeedService service;
    private final CalendarSubscriptions subscriptions;
    private final CurrentUser user;

    CalendarFeedResource(CalendarFeedService service, CalendarSubscriptions subscriptions, CurrentUser user) {
        this.service = service;
        this.subscriptions = subscriptions;
        this.user = user;
    }

    @GET
    @Path("/subscriptions/{token}.ics")
    @PermitAll
    @Operation(operationId = "subscribedCalendarFeed", summary = "The feed behind a secret subscription URL (no bearer token: the URL is the credential)",
            description = "For calendar applications (Google Calendar, Outlook), which cannot send a bearer token; a revoked URL answers 404.")
    @APIResponse(responseCode = "200", description = "text/calendar")
    @APIResponse(responseCode = "404", description = "Unknown or revoked subscription", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public String subscribed(@PathParam("token") String token) {
        return subscriptions.feed(token);
    }

    @GET
    @Path("/schools/{schoolId}.ics")
    @RolesAllowed({Roles.DISTRICT_ADMIN, Roles.VIEWER, Roles.PRINCIPAL})
    @Operation(operationId = "schoolCalendarFeed", summary = "iCalendar feed of the sessions a school takes part in")
    @APIResponse(responseCode = "200", description = "text/calendar")
    @APIResponse(responseCode = "404", description = "Not your school", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public String school(@PathParam("schoolId") UUID schoolId) {
        if (!user.seesWholeDistrict() && !user.schoolId().map(schoolId::equals).orElse(false)) {
            throw new SessionException.NotFound("School feed", schoolId);
        }
        return service.forSchool(schoolId);
    }

    @GET
    @Path("/people/{staffId}.ics")
    @RolesAllowed({Roles.DISTRICT_ADMIN, Roles.VIEWER})
    @Operation(operationId = "personCalendarFeed", summary = "iCalendar feed of one person's sessions")
    @APIResponse(responseCode = "200", description = "text/calendar")
    public String person(@PathParam("staffId") UUID staffId) {
        return service.forPerson(staffId);
    }
}
