package org.studioresidency.notification.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.studioresidency.notification.domain.Delivery;
import org.studioresidency.notification.repository.DeliveryRepository;
import org.studioresidency.notification.rest.problem.Problem;
import org.studioresidency.notification.security.CurrentUser;
import org.studioresidency.notification.security.Roles;
import org.studioresidency.notification.service.DeliveryService;

import java.util.List;
import java.util.UUID;

@Path("/deliveries")
@Tag(name = "Deliveries", description = "The log of every email: due, sent or failed")
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
    @Operation(operationId = "listDeliveries", summary = "List emails sent or due, newest first; a principal sees their own")
    @APIResponse(responseCode = "200", description = "The deliveries the caller may see")
    @APIResponse(responseCode = "400", description = "Invalid filter or limit", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<DeliveryResponse> list(
            @Parameter(description = "Only this status: PENDING, SENT or FAILED") @QueryParam("status")
            @Pattern(regexp = "PENDING|SENT|FAILED", message = "must be one of PENDING, SENT, FAILED") String status,
            @Parameter(description = "Only this template, e.g. session-summary") @QueryParam("template")
            @Pattern(regexp = "[a-z-]{1,40}", message = "must be a template name such as session-summary") String template,
            @Parameter(description = "Only this recipient address") @QueryParam("recipient") @Email String recipient,
            @Parameter(description = "Only deliveries to this school's principal (district office only)") @QueryParam("schoolId") UUID schoolId,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        var filter = new DeliveryRepository.Filter(schoolId, recipient, template,
                status == null ? null : Delivery.Status.valueOf(status));
        return service.visibleTo(user, filter, limit).stream().map(DeliveryMapping::toResponse).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.DISTRICT_ADMIN, Roles.PRINCIPAL})
    @Operation(operationId = "getDelivery", summary = "Get one delivery with the content sent")
    @APIResponse(responseCode = "200", description = "The delivery")
    @APIResponse(responseCode = "404", description = "No such delivery, or not the caller's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DeliveryDetailResponse get(@PathParam("id") UUID id) {
        return DeliveryMapping.toDetail(service.get(user, id));
    }

    @POST
    @Path("/{id}/resend")
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    @Operation(operationId = "resendDelivery", summary = "Send a sent or failed email again, as a new copy")
    @APIResponse(responseCode = "202", description = "Queued again; the sender picks it up within seconds", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryResponse.class)))
    @APIResponse(responseCode = "404", description = "No such delivery", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Still queued: it has not been sent yet", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response resend(@PathParam("id") UUID id) {
        return Response.accepted(DeliveryMapping.toResponse(service.resend(id))).build();
    }
}
