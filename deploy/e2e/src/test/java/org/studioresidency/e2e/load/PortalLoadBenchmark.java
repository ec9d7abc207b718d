package org.studioresidency.e2e.load;

import org.junit.jupiter.api.Test;
import org.studioresidency.local.LocalStack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import java.net.http.HttpRequest;

import static io.restassured.RestAssured.given;

/**
 * The portal's common reads against the three services on this machine, with a large district loaded: first each
 * read at saturation (closed loop, side by side with an authenticated one-query read in the same run), then at
 * increasing fixed rates (open loop) next to a bare Quarkus endpoint; and each service's resident memory after
 * start, after the district is loaded and planned, and after each load. Not a test: run it alone with
 * <pre>
 * ./mvnw -q -o -pl deploy/e2e -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=PortalLoadBenchmark -Dfailsafe.failIfNoSpecifiedTests=false
 * </pre>
 * ({@code -am} packages the services from this checkout; never {@code install}). {@code -Dload.openLoop=false}
 * skips the open-loop steps, {@code -Dload.closedLoop.seconds=N} sets each saturation window (default 8 s, after
 * 3 s of warm-up); {@code -Dload.countSql=true} only counts each read's SQL statements (an experiment), and
 * {@code -Dload.schools=N} loads a smaller district.
 */
class PortalLoadBenchmark {

    private static final int[] RATES = {25, 50, 100, 200, 400};
    private static final Duration STEP = Duration.ofSeconds(10);
    private static final int CONNECTIONS = 16;

    @Test
    void measure() throws IOException {
        boolean countSql = Boolean.getBoolean("load.countSql");
        Map<String, String> environment = new java.util.HashMap<>(Map.of("PLANNING_UNIMPROVED_LIMIT", "5s",
                // The 800-school roster import is one transaction; on a machine busy with other builds it can outlast
                // the default 60 s, which would end the run before anything is measured.
                "QUARKUS_TRANSACTION_MANAGER_DEFAULT_TRANSACTION_TIMEOUT", "600s"));
        if (countSql) {
            // Every statement Hibernate sends, one line each, to count them per request.
            environment.put("QUARKUS_HIBERNATE_ORM_LOG_SQL", "true");
            environment.put("QUARKUS_HIBERNATE_ORM_LOG_FORMAT_SQL", "false");
        }
        try (LocalStack stack = new LocalStack(Path.of(System.getProperty("studio.repository", "../..")), Files.createTempDirectory("studio-residency-load-"),
                LocalStack.Ports.ephemeral(), environment).start();
             ResidentMemory memory = new ResidentMemory(stack)) {
            memory.phase("start (services ready)");
            String admin = stack.identity().token("load-admin", "district-admin", null);
            int schools = Integer.getInteger("load.schools", LargeDistrict.SCHOOLS);
            LargeDistrict district = schools == LargeDistrict.SCHOOLS ? LargeDistrict.load(stack, admin)
                    : LargeDistrict.load(stack, admin, schools, schools * LargeDistrict.STUDIOS / LargeDistrict.SCHOOLS, "2032-33", 2032);
            if (countSql) {
                String principal = stack.identity().token("principal-" + district.schoolIds.get(0), "principal", district.schoolIds.get(0));
                StatementCount.print(stack, reads(stack, district, admin, i -> principal));
                memory.phase("statements counted");
                System.out.println(ResidentMemory.header());
                memory.readings().forEach(r -> System.out.println(r.row()));
                return;
            }
            memory.phase("large district loaded, planned and published");
            String pairing = stack.serviceUrl("pairing-service");
            String session = stack.serviceUrl("session-service");
            List<String> principals = district.schoolIds.stream()
                    .map(id -> stack.identity().token("principal-" + id, "principal", id)).toList();

            List<ClosedLoopLoad.Result[]> saturation = saturation(reads(stack, district, admin, i -> pick(principals, i)));
            memory.phase("saturation reads");

            List<OpenLoopLoad.Result> results = new ArrayList<>();
            if (Boolean.parseBoolean(System.getProperty("load.openLoop", "true"))) {
                OpenLoopLoad load = new OpenLoopLoad();
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
                memory.phase("open-loop steps");
            }

            System.out.printf("%nLarge district: %d schools, %d pairings, %d sessions published%n",
                    LargeDistrict.SCHOOLS, district.pairingIds.size(), district.sessions);
            System.out.printf("%nSaturation: %d connections, closed loop, one read after another%n", CONNECTIONS);
            System.out.println(ClosedLoopLoad.Result.header());
            saturation.forEach(r -> System.out.println(r[0].row(r[1])));
            if (!results.isEmpty()) {
                System.out.println();
                System.out.println(OpenLoopLoad.Result.header());
                results.forEach(r -> System.out.println(r.row()));
            }
            System.out.printf("%nResident memory (JVM options %s)%n", System.getProperty("local.jvm.options", "LocalStack's defaults"));
            System.out.println(ResidentMemory.header());
            memory.readings().forEach(r -> System.out.println(r.row()));
        }
    }

    /** A read of the portal, on the service that answers it; {@code request} builds its i-th request. */
    static final String REFERENCE = "reference: GET /school-years";

    record Read(String name, String service, IntFunction<HttpRequest> request) {
    }

    /**
     * The reference (an authenticated read answered from one query), then every list page of 50 and single-record
     * read the portal uses.
     */
    static List<Read> reads(LocalStack stack, LargeDistrict district, String admin, IntFunction<String> principal) {
        String pairing = stack.serviceUrl("pairing-service");
        String session = stack.serviceUrl("session-service");
        String notification = stack.serviceUrl("notification-service");
        String year = district.schoolYearId;
        List<String> staffIds = given().auth().oauth2(admin).queryParam("size", 200).get(pairing + "/staff")
                .then().statusCode(200).extract().jsonPath().getList("items.id", String.class);
        List<String> sessionIds = given().auth().oauth2(admin).queryParam("schoolYearId", year).queryParam("size", 200)
                .get(session + "/sessions").then().statusCode(200).extract().jsonPath().getList("items.sessionId", String.class);
        List<String> studioIds = given().auth().oauth2(admin).get(pairing + "/school-years/" + year + "/designations")
                .then().statusCode(200).extract().jsonPath().getList("schoolId", String.class);
        String job = given().auth().oauth2(admin).queryParam("schoolYearId", year).get(session + "/planning-jobs")
                .then().statusCode(200).extract().jsonPath().getString("[0].jobId");
        List<String> deliveryIds = given().auth().oauth2(admin).queryParam("limit", 200).get(notification + "/deliveries")
                .then().statusCode(200).extract().jsonPath().getList("id", String.class);
        int schoolPages = Math.max(1, district.schoolIds.size() / 50);
        int staffPages = Math.max(1, district.schoolIds.size() * 4 / 50);
        int sessionPages = Math.max(1, district.sessions / 50);
        String p = "pairing-service";
        String s = "session-service";
        List<Read> reads = new ArrayList<>(List.of(
                new Read(REFERENCE + " (pairing-service, one query)", p, i -> OpenLoopLoad.get(pairing + "/school-years", admin)),
                new Read(REFERENCE + " (session-service, one query)", s, i -> OpenLoopLoad.get(session + "/school-years", admin)),
                new Read(REFERENCE + " (notification-service, one query)", "notification-service",
                        i -> OpenLoopLoad.get(notification + "/school-years", admin)),
                new Read("GET /school-years/{id}", p, i -> OpenLoopLoad.get(pairing + "/school-years/" + year, admin)),
                new Read("GET /schools?size=50 (" + schoolPages + " pages)", p,
                        i -> OpenLoopLoad.get(pairing + "/schools?size=50&page=" + i % schoolPages, admin)),
                new Read("GET /schools/{id}", p, i -> OpenLoopLoad.get(pairing + "/schools/" + pick(district.schoolIds, i), admin)),
                new Read("GET /staff?size=50 (" + staffPages + " pages)", p,
                        i -> OpenLoopLoad.get(pairing + "/staff?size=50&page=" + i % staffPages, admin)),
                new Read("GET /staff/{id}", p, i -> OpenLoopLoad.get(pairing + "/staff/" + pick(staffIds, i), admin)),
                new Read("GET /pairings/{id}", p, i -> OpenLoopLoad.get(pairing + "/pairings/" + pick(district.pairingIds, i), admin)),
                new Read("GET /school-years/{id}/designations/{schoolId}", p,
                        i -> OpenLoopLoad.get(pairing + "/school-years/" + year + "/designations/" + pick(studioIds, i), admin)),
                new Read("GET /sessions?schoolYearId=&size=50 (session-service, " + sessionPages + " pages)", s,
                        i -> OpenLoopLoad.get(session + "/sessions?size=50&schoolYearId=" + year + "&page=" + i % sessionPages, admin)),
                new Read("GET /sessions?schoolYearId=&size=50 as a school's principal", s,
                        i -> OpenLoopLoad.get(session + "/sessions?size=50&schoolYearId=" + year, principal.apply(i))),
                new Read("GET /sessions/{id}", s, i -> OpenLoopLoad.get(session + "/sessions/" + pick(sessionIds, i), admin)),
                new Read("GET /sessions/{id}/record", s, i -> OpenLoopLoad.get(session + "/sessions/" + pick(sessionIds, i) + "/record", admin)),
                new Read("GET /planning-jobs/{id}", s, i -> OpenLoopLoad.get(session + "/planning-jobs/" + job, admin))));
        if (!deliveryIds.isEmpty()) {
            reads.add(new Read("GET /deliveries?limit=50 (notification-service)", "notification-service",
                    i -> OpenLoopLoad.get(notification + "/deliveries?limit=50", admin)));
            reads.add(new Read("GET /deliveries/{id}", "notification-service",
                    i -> OpenLoopLoad.get(notification + "/deliveries/" + pick(deliveryIds, i), admin)));
        }
        return reads;
    }

    /**
     * Each read at saturation for the same time, one after another, each right after a window of its service's
     * reference: the machine is shared, so a read is compared with the reference measured next to it.
     */
    private static List<ClosedLoopLoad.Result[]> saturation(List<Read> reads) {
        ClosedLoopLoad load = new ClosedLoopLoad(CONNECTIONS, Duration.ofSeconds(Long.getLong("load.closedLoop.warmUpSeconds", 3)),
                Duration.ofSeconds(Long.getLong("load.closedLoop.seconds", 8)));
        List<ClosedLoopLoad.Result[]> results = new ArrayList<>();
        // Each read against its own service's one-query read: the services run with different JVM options (heap,
        // compiler), so only the same service's reference says what the read itself costs.
        java.util.Map<String, Read> references = new java.util.HashMap<>();
        reads.stream().filter(r -> r.name().startsWith(REFERENCE)).forEach(r -> references.put(r.service(), r));
        // A portal's reads run all day, so what counts is their speed once the JIT has compiled them: every read
        // (and reference) runs once unmeasured first. Measured without it, a read's own 3 s of warm-up was too short
        // for the compiler on two busy cores (GET /sessions/{id} at 30% of its reference here, 52-61% once warm).
        ClosedLoopLoad warmUp = new ClosedLoopLoad(CONNECTIONS, Duration.ZERO, Duration.ofSeconds(Long.getLong("load.closedLoop.warmUpPassSeconds", 8)));
        reads.forEach(read -> warmUp.run(read.name(), read.request()));
        for (Read read : reads.stream().filter(r -> !r.name().startsWith(REFERENCE)).toList()) {
            Read own = references.get(read.service());
            ClosedLoopLoad.Result reference = load.run(own.name(), own.request());
            results.add(new ClosedLoopLoad.Result[] {load.run(read.name(), read.request()), reference});
        }
        return results;
    }

    private static String pick(List<String> ids, int i) {
        return ids.get(Math.floorMod(i * 7919, ids.size()));
    }
}
