package org.studioresidency.session.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.studioresidency.local.TestInfrastructure;
import org.studioresidency.local.TopicReader;
import org.studioresidency.session.DistrictFixture;
import org.studioresidency.session.event.Topics;
import org.studioresidency.session.service.PairingService;
import org.studioresidency.session.service.SchoolYearService;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class PlanningJobTest {

    private static final String ADMIN = TestInfrastructure.token("district-admin");
    private static final Path EXAMPLES = Path.of("src/test/resources/asyncapi/examples");

    @Inject
    SchoolYearService schoolYears;
    @Inject
    PairingService pairings;
    @Inject
    ObjectMapper json;

    @Test
    void shouldPlanASchoolYearInTheBackgroundAndPublishTheReviewedPlanAsEventsShapedLikeTheContract() throws Exception {
        DistrictFixture district = new DistrictFixture(schoolYears, pairings);
        PairingService.Member leader = DistrictFixture.member("Robert Kim", "CENTRAL_OFFICE_LEADER", null, "CENTRAL_OFFICE_LEADER");
        district.pairing("Garfield Elementary", DistrictFixture.consultant("Dr. Helen Ward"), leader);
        district.pairing("Hawthorne Elementary", DistrictFixture.consultant("Ines Duarte"), leader);

        String location = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"schoolYearId\":\"" + district.schoolYearId + "\"}").post("/planning-jobs")
                .then().statusCode(202).body("status", equalTo("SOLVING")).extract().header("Location");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().auth().oauth2(ADMIN).get(location).then().statusCode(200).body("status", equalTo("SOLVED")));
        given().auth().oauth2(ADMIN).get(location).then().body("feasible", equalTo(true)).body("bestScore", notNullValue());
        given().auth().oauth2(ADMIN).get(location + "/explanation").then().statusCode(200)
                .body("constraints.constraint", org.hamcrest.Matchers.hasItem("Sessions spread evenly across the year"));
        given().auth().oauth2(ADMIN).get("/sessions?schoolYearId=" + district.schoolYearId)
                .then().statusCode(200).body("$", hasSize(12)).body("status", everyItem(equalTo("PLANNED")));

        given().auth().oauth2(ADMIN).post(location + "/publication").then().statusCode(200).body("status", equalTo("PUBLISHED"));

        List<Map<String, Object>> sessions = given().auth().oauth2(ADMIN).get("/sessions?schoolYearId=" + district.schoolYearId)
                .then().statusCode(200).body("status", everyItem(equalTo("PUBLISHED"))).extract().jsonPath().getList("$");
        String moved = (String) sessions.get(0).get("sessionId");
        String cancelled = (String) sessions.get(1).get("sessionId");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"reason\":\"Testing window moved\"}")
                .post("/sessions/" + cancelled + "/cancellation").then().statusCode(200);
        String movedDate = (String) sessions.get(0).get("date");
        String otherHalf = "AM".equals(sessions.get(0).get("halfDay")) ? "PM" : "AM";
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"date\":\"" + movedDate + "\",\"halfDay\":\"" + otherHalf + "\"}")
                .put("/sessions/" + moved + "/slot").then().statusCode(200);

        assertSameFieldsAsExample(event(moved, "district.session.published.v1"), "district.session.published.v1");
        assertSameFieldsAsExample(event(moved, "district.session.rescheduled.v1"), "district.session.rescheduled.v1");
        assertSameFieldsAsExample(event(cancelled, "district.session.cancelled.v1"), "district.session.cancelled.v1");
    }

    private JsonNode event(String sessionId, String type) throws Exception {
        List<ConsumerRecord<String, String>> records = TopicReader.read(TestInfrastructure.kafkaBootstrapServers(), Topics.SESSION,
                rs -> rs.stream().anyMatch(r -> sessionId.equals(r.key()) && r.value().contains(type)), Duration.ofSeconds(30));
        for (ConsumerRecord<String, String> record : records) {
            JsonNode node = json.readTree(record.value());
            if (sessionId.equals(record.key()) && type.equals(node.path("type").asText())) {
                return node;
            }
        }
        throw new AssertionError("No " + type + " event for session " + sessionId);
    }

    private void assertSameFieldsAsExample(JsonNode published, String type) throws Exception {
        JsonNode example = json.readTree(EXAMPLES.resolve(type + ".json").toFile());
        assertThat(fields(published, "")).as(type).isEqualTo(fields(example, ""));
    }

    /** Every field path in the document; array elements share the path of their array. */
    private static Set<String> fields(JsonNode node, String path) {
        Set<String> paths = new TreeSet<>();
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String child = path + "/" + field.getKey();
                paths.add(child);
                paths.addAll(fields(field.getValue(), child));
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                paths.addAll(fields(element, path + "[]"));
            }
        }
        return paths;
    }
}
