package org.studioresidency.session.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.studioresidency.session.domain.CalendarSubscription;
import org.studioresidency.session.rest.problem.Problem;
import org.studioresidency.session.security.CurrentUser;
import org.studioresidency.session.security.Roles;
import org.studioresidency.session.service.CalendarSubscriptions;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Secret feed URLs for Google Calendar, Outlook and other apps that subscribe by URL: the district office creates them
 * for anyone, a principal for their school and its people. The URL itself is the credential of the feed it reads.
 */
@Path("/calendar-subscriptions")
@Tag(name = "Calendar feeds")
public class CalendarSubscriptionResource {

    public record NewSubscription(UUID staffId, UUID schoolId) {
    }

    /** The subscription; {@code url} and {@code webcalUrl} only in the answer that created it. */
    public record SubscriptionResponse(UUID subscriptionId, UUID staffId, UUID schoolId, String label, OffsetDateTime createdAt,
                                       @Schema(description = "The secret feed URL; shown only once, when created") String url,
                                       @Schema(description = "The same URL for calendar apps that open webcal:// links") String webcalUrl) {
        static SubscriptionResponse of(CalendarSubscription s, String url, String webcalUrl) {
            return new SubscriptionResponse(s.id, s.staffId, s.schoolId, s.label, s.createdAt, url, webcalUrl);
        }
    }

    private final CalendarSubscriptions subscriptions;
    private final CurrentUser user;

    CalendarSubscriptionResource(CalendarSubscriptions subscriptions, CurrentUser user) {
        this.subscriptions = subscriptions;
        this.user = user;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DISTRICT_ADMIN, Roles.PRINCIPAL})
    @Operation(operationId = "createCalendarSubscription", summary = "A secret calendar feed URL for one person or one school (principals: their school and its people)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "a teacher", value = "{\"staffId\": \"5d0c0000-0000-4000-8000-000000000006\"}")))
    @APIResponse(responseCode = "201", description = "Created; the URL is in this answer only",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubscriptionResponse.class)))
    @APIResponse(responseCode = "400", description = "Neither or both of staffId and schoolId", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role not allowed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such person or school (principals: not of your school)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull NewSubscription request, @Context UriInfo uri) {
        CalendarSubscriptions.Created created = subscriptions.create(request.staffId(), request.schoolId(), onlySchool(), user.subject(),
                uri.getBaseUri().toString());
        return Response.created(uri.getBaseUriBuilder().path("calendar-subscriptions/" + created.subscription().id).build())
                .entity(SubscriptionResponse.of(created.subscription(), created.url(), created.webcalUrl())).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DISTRICT_ADMIN, Roles.PRINCIPAL})
    @Operation(operationId = "listCalendarSubscriptions", summary = "Live calendar subscriptions (principals: their school's), without their URLs")
    @APIResponse(responseCode = "200", description = "The subscriptions")
    public List<SubscriptionResponse> list() {
        return subscriptions.list(onlySchool()).stream().map(s -> SubscriptionResponse.of(s, null, null)).toList();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.DISTRICT_ADMIN, Roles.PRINCIPAL})
    @Operation(operationId = "revokeCalendarSubscription", summary = "Revoke a calendar subscription: its URL answers 404 from now on")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "No such live subscription (principals: of your school)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void revoke(@PathParam("id") UUID id) {
        subscriptions.revoke(id, onlySchool());
    }

    private Optional<UUID> onlySchool() {
        return user.seesWholeDistrict() ? Optional.empty() : Optional.of(user.schoolId().orElse(new UUID(0, 0)));
    }
}
