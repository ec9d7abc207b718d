package org.studioresidency.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import org.studioresidency.local.TestInfrastructure;
import org.studioresidency.local.TopicWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A studio school, its residency school and their principals with addresses unique to one test, and events built
 * from the producers' own contract examples with this fixture's ids put in.
 */
public final class DistrictFixture {

    private static final ObjectMapper JSON = new ObjectMapper();
    public static final Path PAIRING_EXAMPLES = Path.of("../pairing-service/src/test/resources/asyncapi/examples");
    public static final Path SESSION_EXAMPLES = Path.of("../session-service/src/test/resources/asyncapi/examples");

    public final String tag = UUID.randomUUID().toString().substring(0, 8);
    public final UUID studioSchool = UUID.randomUUID();
    public final UUID residencySchool = UUID.randomUUID();
    public final UUID pairing = UUID.randomUUID();
    public final UUID session = UUID.randomUUID();
    public final String studioPrincipal = "studio-principal-" + tag + "@test.district.example";
    public final String residencyPrincipal = "residency-principal-" + tag + "@test.district.example";
    public final String leader = "leader-" + tag + "@test.district.example";
    public final UUID leaderStaffId = UUID.randomUUID();
    public final UUID studioPrincipalStaffId = UUID.randomUUID();
    public final String studioName = "Garfield Elementary " + tag;
    public final String residencyName = "Lincoln Elementary " + tag;

    /** Announces both schools with their principals, as pairing-service would. */
    public DistrictFixture withSchools() {
        ObjectNode studio = school(studioSchool, studioName, "Maria Alvarez", studioPrincipal);
        ((ObjectNode) studio.get("data").get("principal")).put("staffId", studioPrincipalStaffId.toString());
        publish("district.directory", studioSchool.toString(), studio);
        publish("district.directory", residencySchool.toString(), school(residencySchool, residencyName, "Tom Okafor", residencyPrincipal));
        return this;
    }

    public ObjectNode school(UUID id, String name, String principalName, String principalEmail) {
        ObjectNode event = example(PAIRING_EXAMPLES, "district.directory.school.created.v1");
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("schoolId", id.toString()).put("name", name);
        ((ObjectNode) data.get("principal")).put("staffId", UUID.randomUUID().toString()).put("name", principalName)
                .put("email", principalEmail);
        return withNewId(event);
    }

    /** A session event of the given type for this fixture's pairing, on the given date. */
    public ObjectNode sessionEvent(String type, LocalDate date, int icsSequence) {
        ObjectNode event = example(SESSION_EXAMPLES, type);
        ObjectNode session = (ObjectNode) event.get("data").get("session");
        session.put("sessionId", this.session.toString()).put("pairingId", pairing.toString())
                .put("date", date.toString())
                .put("startsAt", date + "T08:30:00-08:00").put("endsAt", date + "T11:45:00-08:00")
                .put("icsUid", this.session + "@studio-residency.district").put("icsSequence", icsSequence);
        ((ObjectNode) session.get("hostSchool")).put("schoolId", studioSchool.toString()).put("name", studioName);
        ((ObjectNode) session.get("residencySchools").get(0)).put("schoolId", residencySchool.toString()).put("name", residencyName);
        for (JsonNode member : (ArrayNode) session.get("participants")) {
            ObjectNode m = (ObjectNode) member;
            String school = m.path("schoolId").asText(null);
            if ("0b7f5a52-0d4e-4a8a-8f0e-1f3e5b7c9a01".equals(school)) {
                m.put("schoolId", studioSchool.toString());
            } else if ("1c8e6b63-1e5f-4b9b-9f1f-2a4f6c8dab02".equals(school)) {
                m.put("schoolId", residencySchool.toString());
            }
            if ("CENTRAL_OFFICE_LEADER".equals(m.path("teamRole").asText())) {
                m.put("email", leader);
            } else {
                m.put("email", m.path("email").asText().replace("@", "+" + tag + "@"));
            }
        }
        event.get("data").path("summary").path("nextSteps")
                .forEach(step -> ((ObjectNode) step).put("nextStepId", UUID.randomUUID().toString()));
        if (event.get("data").has("nextStep")) {
            ((ObjectNode) event.get("data").get("nextStep")).put("nextStepId", UUID.randomUUID().toString());
        }
        return withNewId(event);
    }

    /**
     * The learning-loop snapshot of this fixture's pairing as of the moment: session-service's example (its figures) with
     * this fixture's pairing, schools and leader.
     */
    public ObjectNode snapshotEvent(OffsetDateTime asOf) {
        ObjectNode event = example(SESSION_EXAMPLES, "district.report.learning-loop-snapshot.v1");
        event.put("subject", "pairings/" + pairing).put("time", asOf.toString());
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("pairingId", pairing.toString()).put("label", studioName + " / " + residencyName)
                .put("asOf", asOf.toString()).put("since", asOf.minusDays(7).toString());
        ((ObjectNode) data.get("leader")).put("staffId", leaderStaffId.toString()).put("name", "Robert Kim " + tag).put("email", leader);
        ((ObjectNode) data.get("schools").get(0)).put("schoolId", studioSchool.toString()).put("name", studioName);
        ((ObjectNode) data.get("schools").get(1)).put("schoolId", residencySchool.toString()).put("name", residencyName);
        return withNewId(event);
    }

    public void publishSnapshot(JsonNode event) {
        publish("district.report", pairing.toString(), event);
    }

    public ObjectNode coverageEvent(String type, LocalDate date, String teacherName) {
        ObjectNode event = example(SESSION_EXAMPLES, type);
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("coverageRequestId", UUID.randomUUID().toString()).put("sessionId", session.toString())
                .put("pairingId", pairing.toString()).put("date", date.toString());
        ((ObjectNode) data.get("teacher")).put("schoolId", residencySchool.toString()).put("name", teacherName)
                .put("staffId", UUID.randomUUID().toString());
        return withNewId(event);
    }

    public static ObjectNode withNewId(ObjectNode event) {
        event.put("id", UUID.randomUUID().toString());
        return event;
    }

    public static void publish(String topic, String key, JsonNode event) {
        TopicWriter.sendCloudEvent(TestInfrastructure.kafkaBootstrapServers(), topic, key, event.toString());
    }

    public void publishSession(JsonNode event) {
        publish("district.session", session.toString(), event);
    }

    /** True once notification-service has applied the event: its id is claimed in the transaction of the effect. */
    public static boolean applied(String eventId) {
        EntityManager entityManager = Arc.container().instance(EntityManager.class).get();
        return QuarkusTransaction.requiringNew().call(() -> !entityManager
                .createNativeQuery("SELECT 1 FROM processed_event WHERE event_id = :id")
                .setParameter("id", eventId).getResultList().isEmpty());
    }

    public static ObjectNode example(Path dir, String type) {
        try {
            return (ObjectNode) JSON.readTree(Files.readString(dir.resolve(type + ".json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
