package org.studioresidency.e2e.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.core.ConditionTimeoutException;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * Faults while events flow: each service killed with -9 and restarted, the Kafka broker restarted, SMTP stopped for
 * a while, the HR system failing. After recovery it counts the effects themselves: each outbox row's CloudEvent id on
 * Kafka, each event id claimed by notification-service, each summary delivery and each message SMTP received per
 * (recipient, session), each HR job per coverage request id; and fails when anything is missing, duplicated (beyond
 * the copies at-least-once allows on Kafka) or unexpected. Not part of the suite: run it alone as deploy/README.md says.
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
            JsonPath sessions = sessionsWithParticipants(stack, admin, district.schoolYearId);
            List<String> summarised = summariseFirstSessions(stack, admin, sessions, 20);
            crash(stack, "pairing-service");
            pause(20);
            stack.mail().startSmtp();
            System.out.println("[faults] SMTP back");

            List<Count> counts = settleAndCount(stack, expectedSummaryRecipients(sessions, summarised));
            System.out.println("\n| what | expected | delivered | missing | duplicates | unexpected |\n| --- | --- | --- | --- | --- | --- |");
            counts.forEach(c -> System.out.println(c.row()));
            List<String> wrong = counts.stream().flatMap(c -> c.problems().stream()).toList();
            if (!wrong.isEmpty()) {
                throw new AssertionError("The fault run lost or duplicated effects:\n" + String.join("\n", wrong));
            }
            System.out.println("[faults] every count is as expected");
        }
    }

    /**
     * One line of the table, every number counted: {@code missing} expected items never seen, {@code duplicates}
     * copies beyond one per item, {@code unexpected} items seen that were not expected. Copies are allowed only where
     * the system promises at-least-once (events on Kafka); everywhere else any copy, loss or stray item fails the run.
     */
    record Count(String what, long expected, long delivered, long missing, long duplicates, long unexpected,
                 boolean copiesAllowed) {

        static <K> Count of(String what, Set<K> expected, List<K> seen, boolean copiesAllowed) {
            Set<K> distinct = new HashSet<>(seen);
            long delivered = expected.stream().filter(distinct::contains).count();
            long unexpected = distinct.stream().filter(k -> !expected.contains(k)).count();
            return new Count(what, expected.size(), delivered, expected.size() - delivered, seen.size() - distinct.size(),
                    unexpected, copiesAllowed);
        }

        String row() {
            return "| " + what + " | " + expected + " | " + delivered + " | " + missing + " | " + duplicates
                    + (copiesAllowed && duplicates > 0 ? " (copies on Kafka, allowed)" : "") + " | " + unexpected + " |";
        }

        List<String> problems() {
            List<String> problems = new ArrayList<>();
            if (expected == 0) {
                problems.add(what + ": nothing was expected, so nothing was checked");
            }
            if (missing > 0) {
                problems.add(what + ": " + missing + " of " + expected + " missing");
            }
            if (duplicates > 0 && !copiesAllowed) {
                problems.add(what + ": " + duplicates + " duplicates");
            }
            if (unexpected > 0) {
                problems.add(what + ": " + unexpected + " not expected");
            }
            return problems;
        }
    }

    /** Who must receive each summary, as "recipient session": the principals of the session's schools and its central-office leader. */
    private static Set<String> expectedSummaryRecipients(JsonPath sessions, List<String> summarised) {
        Set<String> expected = new HashSet<>();
        for (Map<String, Object> s : sessions.<Map<String, Object>>getList("")) {
            String id = s.get("sessionId").toString();
            if (!summarised.contains(id)) {
                continue;
            }
            Set<Object> schools = new HashSet<>();
            schools.add(((Map<?, ?>) s.get("hostSchool")).get("schoolId"));
            ((List<?>) s.get("residencySchools")).forEach(r -> schools.add(((Map<?, ?>) r).get("schoolId")));
            for (Object m : (List<?>) s.get("participants")) {
                Map<?, ?> member = (Map<?, ?>) m;
                Object email = member.get("email");
                boolean principal = "PRINCIPAL".equals(member.get("teamRole")) && schools.contains(member.get("schoolId"));
                if (email != null && !email.toString().isBlank()
                        && (principal || "CENTRAL_OFFICE_LEADER".equals(member.get("teamRole")))) {
                    expected.add(email.toString().toLowerCase(Locale.ROOT) + " " + id);
                }
            }
        }
        return expected;
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
            String published = given().auth().oauth2(admin).get(url + "/sessions/" + id).then().statusCode(200).extract().header("ETag");
            String held = ifMatch(given().auth().oauth2(admin), published).contentType("application/json")
                    .body(Map.of("attendance", attendance))
                    .post(url + "/sessions/" + id + "/held").then().statusCode(200).extract().header("ETag");
            ifMatch(given().auth().oauth2(admin), held).contentType("application/json")
                    .body(Map.of("focus", "READ_ALOUD", "notes", "Fault run " + id, "nextSteps", List.of()))
                    .post(url + "/sessions/" + id + "/summary").then().statusCode(200);
            done.add(id);
        }
        return done;
    }

    /** The year's sessions as GET /sessions/{id} answers them (a list page leaves participants out). */
    private static JsonPath sessionsWithParticipants(LocalStack stack, String admin, Object schoolYearId) {
        String url = stack.serviceUrl("session-service");
        List<String> ids = given().auth().oauth2(admin).queryParam("schoolYearId", schoolYearId).queryParam("size", 200)
                .get(url + "/sessions").then().statusCode(200).extract().jsonPath().getList("items.sessionId", String.class);
        List<String> full = new ArrayList<>();
        for (String id : ids) {
            full.add(given().auth().oauth2(admin).get(url + "/sessions/" + id).then().statusCode(200).extract().asString());
        }
        return new JsonPath("[" + String.join(",", full) + "]");
    }

    /** Names the version a write is based on, as session-service requires of every versioned write. */
    private static RequestSpecification ifMatch(RequestSpecification request, String etag) {
        return etag == null ? request : request.header("If-Match", etag);
    }

    /** Waits until every outbox and the HR queue are empty and the consumers have caught up, then counts the effects. */
    private static List<Count> settleAndCount(LocalStack stack, Set<String> expectedSummaries) throws SQLException {
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(2)).until(() ->
                count(stack, "pairing", "SELECT count(*) FROM outbox_event WHERE published_at IS NULL") == 0
                        && count(stack, "session", "SELECT count(*) FROM outbox_event WHERE published_at IS NULL") == 0);
        List<Count> counts = new ArrayList<>();
        String kafka = stack.kafka().bootstrapServers();
        Map<String, Set<String>> onKafka = new LinkedHashMap<>();
        for (String[] producer : new String[][]{{"pairing", "district.directory"}, {"pairing", "district.pairing"},
                {"session", "district.session"}}) {
            Set<String> outbox = new HashSet<>(strings(stack, producer[0],
                    "SELECT id::text FROM outbox_event WHERE topic = '" + producer[1] + "'"));
            List<String> copies = cloudEventIds(TopicReader.read(kafka, producer[1],
                    rs -> new HashSet<>(cloudEventIds(rs)).containsAll(outbox), Duration.ofSeconds(60)));
            onKafka.put(producer[1], new HashSet<>(copies));
            counts.add(Count.of("events on `" + producer[1] + "` (outbox rows -> CloudEvent ids on Kafka)", outbox, copies, true));
        }

        // Each event applied once by notification-service: its id claimed in processed_event with the effect.
        Map<String, String> consumers = Map.of("district.directory", "'directory.school-year', 'directory.people'",
                "district.pairing", "'pairing'", "district.session", "'session'");
        for (Map.Entry<String, Set<String>> topic : onKafka.entrySet()) {
            Set<String> ids = topic.getValue();
            awaitQuietly(Duration.ofMinutes(2), () -> new HashSet<>(claims(stack, consumers.get(topic.getKey()))).containsAll(ids));
            List<String> claimed = claims(stack, consumers.get(topic.getKey())).stream().filter(ids::contains).toList();
            counts.add(Count.of("`" + topic.getKey() + "` events applied by notification-service (processed_event rows per event id)",
                    ids, claimed, false));
        }

        // Summary emails: recorded once per (recipient, session) in the delivery log, received once by SMTP.
        Map<String, String> sessionOfEvent = new HashMap<>();
        for (String row : strings(stack, "session",
                "SELECT id::text || ' ' || aggregate_id FROM outbox_event WHERE type = 'district.session.summarised.v1'")) {
            sessionOfEvent.put(row.substring(0, row.indexOf(' ')), row.substring(row.indexOf(' ') + 1));
        }
        awaitQuietly(Duration.ofMinutes(3), () -> summaryKeys(stack, sessionOfEvent).size() >= expectedSummaries.size()
                && receivedSummaries(stack, sessionOfEvent).size() >= expectedSummaries.size());
        counts.add(Count.of("summary emails recorded (notification-service delivery rows per recipient and session)",
                expectedSummaries, summaryKeys(stack, sessionOfEvent), false));
        counts.add(Count.of("summary emails received by SMTP (messages per recipient and session)",
                expectedSummaries, receivedSummaries(stack, sessionOfEvent), false));

        // Substitute requests: one HR job per live coverage request, none left open for a cancelled one.
        awaitQuietly(Duration.ofMinutes(5), () ->
                count(stack, "session", "SELECT count(*) FROM hr_dispatch WHERE sent_at IS NULL") == 0);
        Set<String> live = new HashSet<>(strings(stack, "session", "SELECT id::text FROM coverage_request WHERE status <> 'CANCELLED'"));
        List<JsonNode> jobs = List.copyOf(stack.hr().jobs().values());
        List<String> requestOfEveryJob = jobs.stream().map(j -> j.path("externalId").asText()).toList();
        Set<String> requestsWithOpenJob = jobs.stream().filter(j -> !"CANCELLED".equals(j.path("status").asText()))
                .map(j -> j.path("externalId").asText()).collect(Collectors.toSet());
        long covered = live.stream().filter(requestsWithOpenJob::contains).count();
        counts.add(new Count("substitute requests (live coverage requests -> HR jobs per coverage request id; unexpected: "
                + "jobs left open for a cancelled or unknown request)", live.size(), covered, live.size() - covered,
                requestOfEveryJob.size() - new HashSet<>(requestOfEveryJob).size(),
                requestsWithOpenJob.stream().filter(id -> !live.contains(id)).count(), false));
        return counts;
    }

    /** Every summary delivery notification-service recorded, as "recipient session". */
    private static List<String> summaryKeys(LocalStack stack, Map<String, String> sessionOfEvent) throws SQLException {
        return strings(stack, "notification",
                "SELECT lower(recipient_email) || ' ' || source_event_ids[1] FROM delivery WHERE template = 'session-summary'")
                .stream().map(row -> bySession(row, sessionOfEvent)).toList();
    }

    /**
     * Every summary message the SMTP server received, as "recipient session": a message is tied to its delivery by its
     * Message-ID (assigned when the delivery was recorded), and so to the summarised event and its session. A message
     * whose Message-ID no delivery carries is listed under that id, so it counts as unexpected.
     */
    private static List<String> receivedSummaries(LocalStack stack, Map<String, String> sessionOfEvent) throws SQLException {
        Map<String, String> deliveryOfMessage = new HashMap<>();
        for (String row : strings(stack, "notification",
                "SELECT smtp_message_id || ' ' || template || ' ' || coalesce(source_event_ids[1], '-') FROM delivery")) {
            String[] parts = row.split(" ");
            deliveryOfMessage.put(parts[0], parts[1] + " " + parts[2]);
        }
        List<String> received = new ArrayList<>();
        List<Map<String, Object>> messages = given().get(stack.mail().httpUrl() + "/messages").then().extract().jsonPath().getList("");
        for (Map<String, Object> message : messages) {
            String delivery = deliveryOfMessage.get(String.valueOf(message.get("messageId")));
            if (delivery != null && !delivery.startsWith("session-summary ")) {
                continue; // another template
            }
            for (Object to : (List<?>) message.get("to")) {
                received.add(delivery == null ? "unknown Message-ID " + message.get("messageId")
                        : bySession(to.toString().toLowerCase(Locale.ROOT) + " " + delivery.substring(delivery.indexOf(' ') + 1),
                        sessionOfEvent));
            }
        }
        return received;
    }

    private static String bySession(String recipientAndEvent, Map<String, String> sessionOfEvent) {
        int space = recipientAndEvent.lastIndexOf(' ');
        String event = recipientAndEvent.substring(space + 1);
        return recipientAndEvent.substring(0, space) + " " + sessionOfEvent.getOrDefault(event, "event " + event);
    }

    private static List<String> claims(LocalStack stack, String consumers) throws SQLException {
        return strings(stack, "notification", "SELECT event_id FROM processed_event WHERE consumer IN (" + consumers + ")");
    }

    /** Waits for the effects to settle; if they never do, the counts that follow say what is missing. */
    private static void awaitQuietly(Duration atMost, Callable<Boolean> settled) {
        try {
            await().atMost(atMost).pollInterval(Duration.ofSeconds(2)).ignoreExceptions().until(settled);
        } catch (ConditionTimeoutException e) {
            System.out.println("[faults] still not settled after " + atMost + "; counting what there is");
        }
    }

    private static List<String> strings(LocalStack stack, String database, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = connect(stack, database); ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    /** The CloudEvent id of every record, one entry per copy. */
    private static List<String> cloudEventIds(List<ConsumerRecord<String, String>> records) {
        List<String> ids = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            Matcher m = CLOUD_EVENT_ID.matcher(record.value());
            ids.add(m.find() ? m.group(1) : "record without a CloudEvent id at " + record.partition() + "/" + record.offset());
        }
        return ids;
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
