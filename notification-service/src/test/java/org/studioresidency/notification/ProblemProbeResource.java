package org.studioresidency.notification;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Test-only endpoints that provoke each kind of error the problem-details mappers render. */
@Path("/test-probe")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProblemProbeResource {

    public enum HalfDay { AM, PM }

    public record Probe(HalfDay halfDay, @Max(15) int people) {
    }

    @POST
    @RolesAllowed("district-admin")
    public Probe echo(@Valid Probe probe) {
        return probe;
    }

    @GET
    @Path("/boom")
    @RolesAllowed("district-admin")
    public String boom() {
        throw new IllegalStateException("connection string postgres://secret@db internals");
    }
}
