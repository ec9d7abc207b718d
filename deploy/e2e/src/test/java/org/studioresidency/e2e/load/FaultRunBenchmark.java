package org.studioresidency.e2e.load;

import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.studioresidency.local.HrSandbox;
import org.studioresidency.local.LocalStack;
import org.studioresidency.local.TopicReader;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * Faults while events flow: each service killed with -9 and restarted, the Kafka broker restarted, SMTP stopped for
 * a while, the HR system failing. After recovery it counts what was published against what was consumed, emails sent
 * against expected, and substitute requests against expected. Not a test: run it alone with
 * {@code ./mvnw -q install -DskipTests && ./mvnw -q verify -pl deploy/e2e -Dit.test=FaultRunBenchmark}.
 */
class FaultRunBenchmark {

    private static final Pattern CLOUD_EVENT_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    @Test
    void measure() throws Exception {
        try (LocalStack stack = new LocalStack(java.nio.file.Path.of(System.getProperty("studio.repository", "../..")),
                Files.createTempDirectory("studio-residency-faults-"), LocalStack.Ports.ephemeral(),
                Map.of("PLANNING_UNIMPROVED_LIMIT", "3s")).start()) {
            String admin = stack.identity().token("faults-admin", "district-admin", null);
            stack.hr().fillRate(0.8, 500);

            // Directory and pairing events flow while notification-service is killed and brought back.
            CompletableFuture<LargeDistrict> loading = CompletableFuture.supplyAsync(() ->
                    LargeDistrict.load(stack, admin, 120, 40, "2033-34", 2033));
            pause(8);
            crash(stack, "notification-service");
            LargeDistrict district = loading.join();

            // Session and coverage traffic from publishing, while the broker restarts and the HR system is down.
            stack.hr().mode(HrSandbox.Mode.DOWN);
            System.out.println("[faults] restarting the Kafka broker");
            stack.kafka().stop();
            pause(5);
            stack.kafka().start();
            crash(stack, "session-service");
            pause(10);
            stack.hr().mode(HrSandbox.Mode.ERROR);
            pause(10);
            stack.hr().mode(HrSandbox.Mode.NORMAL);

            // Summaries while SMTP is down, then pairing-service killed mid-way through a directory change.
            System.out.println("[faults] SMTP down");
            stack.mail().stopSmtp();
            JsonPath sessions = given().auth().oauth2(admin).queryParam("schoolYearId", district.schoolYearId)
                    .get(stack.serviceUrl("session-service") + "/sessions").then().statusCode(200).extract().jsonPath();
            List<String> summarised = summariseFirstSessions(stack, admin, sessions, 20);
            crash(stack, "pairing-service");
            pause(20);
            stack.mail().startSmtp();
            System.out.println("[faults] SMTP back");

            Map<String, Object> counts = settleAndCount(stack, summarised.size());
            System.out.println("\n| what | expected | delivered | missing | duplicates |\n| --- | --- | --- | --- | --- |");
            counts.forEach((k, v) -> System.out.println("| " + k + " | " + v + " |"));
        }
    }

    private static List<String> summariseFirstSessions(LocalStack stack, String admin, JsonPath sessions, int count) {
        String url = stack.serviceUrl("session-service");
        List<Map<String, Object>> all = sessions.getList("");
        List<String> done = new ArrayList<>();
        Set<String> pairingsDone = new HashSet<>();
        for (Map<String, Object> s : all) {
            if (done.size() == count || !pairingsDone.add(s.get("pairingId").toString())) {
                continue;
            }
            String id = s.get("sessionId").toString();
            List<Map<String, Object>> attendance = new ArrayList<>();
            for (Object m : (List<?>) s.get("participants")) {
                attendance.add(Map.of("staffId", ((Map<?, ?>) m).get("staffId"), "present", true));
            }
            given().auth().oauth2(admin).contentType("application/json").body(Map.of("attendance", attendance))
                    .post(url + "/sessions/" + id + "/held").then().statusCode(200);
            given().auth().oauth2(admin).contentType("application/json")
                    .body(Map.of("focus", "READ_ALOUD", "notes", "Fault run " + id, "nextSteps", List.of()))
                    .post(url + "/sessions/" + id + "/summary").then().statusCode(200);
            done.add(id);
        }
        return done;
    }

    /** Waits until every outbox is empty and the consumers have caught up, then counts. */
    private static Map<String, Object> settleAndCount(LocalStack stack, int summaries) throws SQLException {
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(2)).until(() ->
                count(stack, "pairing", "SELECT count(*) FROM outbox_event WHERE published_at IS NULL") == 0
                        && count(stack, "session", "SELECT count(*) FROM outbox_event WHERE published_at IS NULL") == 0);
        Map<String, Object> counts = new LinkedHashMap<>();
        String kafka = stack.kafka().bootstrapServers();
        for (String[] producer : new String[][]{{"pairing", "district.directory"}, {"pairing", "district.pairing"},
                {"session", "district.session"}}) {
            long published = count(stack, producer[0], "SELECT count(*) FROM outbox_event WHERE topic = '" + producer[1] + "'");
            List<ConsumerRecord<String, String>> records = TopicReader.read(kafka, producer[1],
                    rs -> uniqueIds(rs).size() >= published, Duration.ofSeconds(60));
            Set<String> ids = uniqueIds(records);
            counts.put("events on " + producer[1] + " (outbox rows -> unique CloudEvents on Kafka)",
                    published + " | " + ids.size() + " | " + (published - ids.size()) + " | " + (records.size() - ids.size())
                            + " redelivered copies");
        }
        Set<String> sessionEvents = uniqueIds(TopicReader.read(kafka, "district.session", rs -> false, Duration.ofSeconds(5)));
        long consumedByNotification = countIn(stack, "notification", sessionEvents);
        counts.put("district.session events applied by notification-service", sessionEvents.size() + " | "
                + consumedByNotification + " | " + (sessionEvents.size() - consumedByNotification) + " | 0 (one processed_event row per id)");

        long expectedEmails = summaries * 2L;
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).until(() ->
                summaryMessages(stack).size() >= expectedEmails);
        List<Map<String, Object>> received = summaryMessages(stack);
        Set<String> distinct = new HashSet<>();
        for (Map<String, Object> message : received) {
            distinct.add(message.get("to") + " " + message.get("subject"));
        }
        counts.put("summary emails (2 principals per summarised session)", expectedEmails + " | " + distinct.size()
                + " | " + (expectedEmails - distinct.size()) + " | " + (received.size() - distinct.size()));

        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(2)).until(() ->
                count(stack, "session", "SELECT count(*) FROM hr_dispatch WHERE sent_at IS NULL") == 0);
        Set<String> expectedJobs = new HashSet<>();
        try (Connection c = connect(stack, "session");
             ResultSet rs = c.createStatement().executeQuery("SELECT id FROM coverage_request WHERE status <> 'CANCELLED'")) {
            while (rs.next()) {
                expectedJobs.add(rs.getString(1));
            }
        }
        List<String> jobs = stack.hr().jobs().values().stream().map(j -> j.path("externalId").asText()).toList();
        Set<String> distinctJobs = new HashSet<>(jobs);
        long missingJobs = expectedJobs.stream().filter(id -> !distinctJobs.contains(id)).count();
        counts.put("substitute requests (live coverage requests -> HR jobs)", expectedJobs.size() + " | "
                + (expectedJobs.size() - missingJobs) + " | " + missingJobs + " | " + (jobs.size() - distinctJobs.size()));
        return counts;
    }

    private static List<Map<String, Object>> summaryMessages(LocalStack stack) {
        List<Map<String, Object>> all = given().get(stack.mail().httpUrl() + "/messages").then().extract().jsonPath().getList("");
        return all.stream().filter(m -> String.valueOf(m.get("subject")).contains(" summary: ")).toList();
    }

    private static Set<String> uniqueIds(List<ConsumerRecord<String, String>> records) {
        Set<String> ids = new HashSet<>();
        for (ConsumerRecord<String, String> record : records) {
            Matcher m = CLOUD_EVENT_ID.matcher(record.value());
            if (m.find()) {
                ids.add(m.group(1));
            }
        }
        return ids;
    }

    private static long countIn(LocalStack stack, String database, Set<String> eventIds) throws SQLException {
        Set<String> processed = new HashSet<>();
        try (Connection c = connect(stack, database);
             ResultSet rs = c.createStatement().executeQuery("SELECT DISTINCT event_id FROM processed_event")) {
            while (rs.next()) {
                processed.add(rs.getString(1));
            }
        }
        return eventIds.stream().filter(processed::contains).count();
    }

    private static long count(LocalStack stack, String database, String sql) throws SQLException {
        try (Connection c = connect(stack, database); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Connection connect(LocalStack stack, String database) throws SQLException {
        return DriverManager.getConnection(stack.jdbcUrl(database), "postgres", "postgres");
    }

    private static void crash(LocalStack stack, String service) {
        System.out.println("[faults] kill -9 " + service);
        stack.killService(service);
        pause(3);
        stack.startService(service);
        stack.awaitReady(service, Duration.ofMinutes(3));
        System.out.println("[faults] " + service + " back");
    }

    /** How long a fault lasts: part of the run's timeline, not a wait for something to happen. */
    private static void pause(int seconds) {
        java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofSeconds(seconds).toNanos());
    }
}
