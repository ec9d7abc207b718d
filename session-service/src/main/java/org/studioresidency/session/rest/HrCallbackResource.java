package org.studioresidency.session.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.studioresidency.session.config.HrConfig;
import org.studioresidency.session.rest.problem.Problem;
import org.studioresidency.session.service.HrCallbacks;
import org.studioresidency.session.service.SessionException;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Status callbacks from the HR substitute system (deploy/HR-PROTOCOL.md). The Standard Webhooks signature is the HR
 * system's credential here, so no bearer token is needed (an hr-system token is accepted too), but every call must
 * carry a valid signature by one of the configured secrets and a timestamp within 5 minutes.
 */
@Path("/hr/callbacks")
@Tag(name = "HR system callbacks")
public class HrCallbackResource {

    private final HrCallbacks service;
    private final ObjectMapper json;
    private final List<Webhook> verifiers = new ArrayList<>();

    HrCallbackResource(HrCallbacks service, ObjectMapper json, HrConfig config) {
        this.service = service;
        this.json = json;
        for (String secret : config.webhookSecrets()) {
            if (!secret.isBlank()) {
                try {
                    verifiers.add(new Webhook(secret.trim()));
                } catch (EmptyWebhookSecretException e) {
                    throw new IllegalStateException("hr.webhook-secrets holds an empty secret", e);
                }
            }
        }
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "receiveHrCallback", summary = "An absence job was filled, found unfillable or cancelled on the HR side (signed per Standard Webhooks)",
            description = "Called by the HR substitute system, not the portal (deploy/HR-PROTOCOL.md). No bearer token is needed:"
                    + " the signature is the credential.")
    @Parameter(name = "webhook-id", in = ParameterIn.HEADER, required = true, description = "Unique per message; applied once",
            schema = @Schema(type = SchemaType.STRING), example = "msg_2Lh9PEa3kV")
    @Parameter(name = "webhook-timestamp", in = ParameterIn.HEADER, required = true, description = "Unix seconds; at most 5 minutes off",
            schema = @Schema(type = SchemaType.STRING, pattern = "^[0-9]+$"), example = "1793552531")
    @Parameter(name = "webhook-signature", in = ParameterIn.HEADER, required = true, description = "v1,<base64 HMAC-SHA256>, space-separated during a rotation",
            schema = @Schema(type = SchemaType.STRING), example = "v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT),
            examples = @ExampleObject(name = "filled", value = """
                    {"type": "absence-job.filled", "jobId": "J-000123", "externalId": "2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c08",
                     "status": "FILLED", "substitute": {"id": "SUB-88412", "name": "Jordan Blake"}, "occurredAt": "2026-11-01T17:02:11Z"}""")))
    @APIResponse(responseCode = "204", description = "Applied (or already applied: a replay changes nothing)")
    @APIResponse(responseCode = "400", description = "Body not understood", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "Missing or bad signature, or stale timestamp: do not retry", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such coverage request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response receive(String body, @Context HttpHeaders headers) {
        verify(body == null ? "" : body, headers);
        HrCallbacks.Callback callback = parse(body);
        service.applyCallback(headers.getHeaderString("webhook-id"), callback);
        return Response.noContent().build();
    }

    private void verify(String body, HttpHeaders headers) {
        if (headers.getHeaderString("webhook-id") == null || headers.getHeaderString("webhook-timestamp") == null
                || headers.getHeaderString("webhook-signature") == null) {
            throw new SessionException.BadSignature("The webhook-id, webhook-timestamp and webhook-signature headers are required.");
        }
        String failure = "No HR webhook secret is configured.";
        for (Webhook verifier : verifiers) {
            try {
                // The library checks the 5-minute tolerance and compares signatures with MessageDigest.isEqual.
                verifier.verify(body, headers.getRequestHeaders());
                return;
            } catch (WebhookVerificationException e) {
                failure = e.getMessage();
            }
        }
        throw new SessionException.BadSignature("The callback's signature could not be verified: " + failure + ".");
    }

    private HrCallbacks.Callback parse(String body) {
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                throw new SessionException.InvalidField("body", "must be a JSON object");
            }
            UUID externalId = null;
            if (node.hasNonNull("externalId")) {
                try {
                    externalId = UUID.fromString(node.get("externalId").asText());
                } catch (IllegalArgumentException e) {
                    throw new SessionException.InvalidField("externalId", "must be a coverage request id (UUID)");
                }
            }
            if (externalId == null && !node.hasNonNull("jobId")) {
                throw new SessionException.InvalidField("externalId", "or jobId is required");
            }
            JsonNode substitute = node.path("substitute");
            return new HrCallbacks.Callback(text(node, "type"), text(node, "jobId"), externalId, text(node, "status"),
                    text(substitute, "id"), text(substitute, "name"));
        } catch (JsonProcessingException e) {
            throw new SessionException.InvalidField("body", "is not valid JSON");
        }
    }

    private static String text(JsonNode node, String field) {
        return node != null && node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
