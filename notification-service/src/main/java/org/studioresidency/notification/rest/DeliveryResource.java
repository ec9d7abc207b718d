package org.studioresidency.notification.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.studioresidency.notification.domain.Delivery;
import org.studioresidency.notification.rest.problem.Problem;
import org.studioresidency.notification.security.CurrentUser;
import org.studioresidency.notification.security.Roles;
import org.studioresidency.notification.service.DeliveryService;

import java.util.List;

@Path("/deliveries")
@Tag(name = "Deliveries")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Role not allowed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class DeliveryResource {

    private final DeliveryService service;
    private final CurrentUser user;

    DeliveryResource(DeliveryService service, CurrentUser user) {
        this.service = service;
        this.user = user;
    }

    @GET
    @RolesAllowed({Roles.DISTRICT_ADMIN, Roles.PRINCIPAL})
    @Operation(operationId = "listDeliveries", summary = "List emails sent or due, newest first")
    @APIResponse(responseCode = "200", description = "The deliveries the caller may see")
    @APIResponse(responseCode = "400", description = "Invalid limit", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<DeliveryResponse> list(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return service.visibleTo(user, limit).stream().map(DeliveryResource::toResponse).toList();
    }

    private static DeliveryResponse toResponse(Delivery d) {
        return new DeliveryResponse(d.id, d.template, d.recipientEmail, d.schoolId, d.subject, d.status.name(), d.attempts,
                d.lastError, d.createdAt, d.sentAt);
    }
}
