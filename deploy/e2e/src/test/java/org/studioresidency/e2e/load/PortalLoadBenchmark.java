package org.studioresidency.e2e.load;

import org.junit.jupiter.api.Test;
import org.studioresidency.local.LocalStack;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The portal's common reads at increasing request rates against the three services on this machine, with a large
 * district loaded, next to a bare Quarkus endpoint of the same service for scale. Not a test: run it alone with
 * {@code ./mvnw -q install -DskipTests && ./mvnw -q verify -pl deploy/e2e -Dit.test=PortalLoadBenchmark}.
 */
class PortalLoadBenchmark {

    private static final int[] RATES = {25, 50, 100, 200, 400};
    private static final Duration STEP = Duration.ofSeconds(10);

    @Test
    void measure() throws IOException {
        try (LocalStack stack = new LocalStack(java.nio.file.Path.of(System.getProperty("studio.repository", "../..")), Files.createTempDirectory("studio-residency-load-"),
                LocalStack.Ports.ephemeral(), Map.of("PLANNING_UNIMPROVED_LIMIT", "5s")).start()) {
            String admin = stack.identity().token("load-admin", "district-admin", null);
            LargeDistrict district = LargeDistrict.load(stack, admin);
            OpenLoopLoad load = new OpenLoopLoad();
            String pairing = stack.serviceUrl("pairing-service");
            String session = stack.serviceUrl("session-service");
            List<String> principals = district.schoolIds.stream()
                    .map(id -> stack.identity().token("principal-" + id, "principal", id)).toList();

            // Warm the JIT on every path first, so the steps compare steady states.
            load.run("warm-up", 100, Duration.ofSeconds(10), i -> OpenLoopLoad.get(pairing + "/pairings/"
                    + district.pairingIds.get(i % district.pairingIds.size()), admin));
            load.run("warm-up", 100, Duration.ofSeconds(10), i -> OpenLoopLoad.get(session + "/sessions?schoolYearId="
                    + district.schoolYearId, principals.get(i % principals.size())));

            List<OpenLoopLoad.Result> results = new ArrayList<>();
            for (int rate : RATES) {
                results.add(load.run("bare Quarkus: GET /q/health/live (pairing-service)", rate, STEP,
                        i -> OpenLoopLoad.get(stack.managementUrl("pairing-service") + "/q/health/live", admin)));
                results.add(load.run("a pairing with its team: GET /pairings/{id}", rate, STEP,
                        i -> OpenLoopLoad.get(pairing + "/pairings/" + district.pairingIds.get(i % district.pairingIds.size()), admin)));
                results.add(load.run("sessions of a school (principal): GET /sessions?schoolYearId=", rate, STEP,
                        i -> OpenLoopLoad.get(session + "/sessions?schoolYearId=" + district.schoolYearId,
                                principals.get(i % principals.size()))));
                results.add(load.run("coverage summary: GET /coverage/fill-rate?by=SCHOOL (a month)", rate, STEP,
                        i -> OpenLoopLoad.get(session + "/coverage/fill-rate?from=2032-10-01&to=2032-10-31&by=SCHOOL", admin)));
            }
            System.out.printf("%nLarge district: %d schools, %d pairings, %d sessions published%n",
                    LargeDistrict.SCHOOLS, district.pairingIds.size(), district.sessions);
            System.out.println(OpenLoopLoad.Result.header());
            results.forEach(r -> System.out.println(r.row()));
        }
    }
}
