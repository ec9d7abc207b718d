package org.studioresidency.pairing.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.studioresidency.pairing.DistrictFixtures;
import org.studioresidency.pairing.domain.OutboxEvent;
import org.studioresidency.pairing.repository.OutboxRepository;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.studioresidency.pairing.DistrictFixtures.ADMIN;

/** The events this service really writes have the field names of the contract's examples, and the AsyncAPI document lists every type. */
@QuarkusTest
class EventContractTest {

    private static final List<String> TYPES = List.of(
            "district.directory.school-year.created.v1", "district.directory.school-year.updated.v1", "district.directory.school.created.v1", "district.directory.school.updated.v1",
            "district.directory.staff.created.v1", "district.directory.staff.updated.v1", "district.pairing.confirmed.v1",
            "district.pairing.team-changed.v1", "district.pairing.dissolved.v1");

    @Inject
    OutboxRepository outbox;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void shouldPublishEveryEventTypeWithTheFieldNamesOfItsExample() throws IOException {
        List<String> aggregates = producePairingLifecycle();

        for (String type : TYPES) {
            JsonNode example = json.readTree(resource("/asyncapi/examples/" + type + ".json"));
            JsonNode actual = json.readTree(latest(type, aggregates).payload);
            List<String> differences = new ArrayList<>();
            compare(example, actual, "", differences);
            assertThat(differences).as("field names of %s compared with its example", type).isEmpty();
        }
    }

    @Test
    void shouldDocumentEveryEventTypeInTheAsyncApiDocument() throws IOException {
        String document = new String(resource("/asyncapi/asyncapi.yaml").readAllBytes(), StandardCharsets.UTF_8);
        assertThat(document).startsWith("asyncapi: 3.0.0");
        for (String type : TYPES) {
            assertThat(document).contains("name: " + type);
        }
    }

    private List<String> producePairingLifecycle() {
        UUID year = DistrictFixtures.schoolYear();
        var read = given().auth().oauth2(ADMIN).get("/school-years/" + year).then().statusCode(200).extract();
        given().auth().oauth2(ADMIN).contentType("application/json").header("If-Match", read.header("ETag"))
                .body("{\"name\": \"%s\", \"firstDay\": \"%s\", \"lastDay\": \"%s\"}".formatted(read.path("name"),
                        read.path("firstDay"), java.time.LocalDate.parse(read.path("lastDay")).plusDays(3)))
                .put("/school-years/" + year).then().statusCode(200);
        UUID leader = DistrictFixtures.staff("Contract Director", "CENTRAL_OFFICE_LEADER", null);
        UUID studio = DistrictFixtures.school("Contract Studio", 30, null, null, leader);
        UUID principal = DistrictFixtures.staff("Contract Principal", "PRINCIPAL", studio);
        UUID coach = DistrictFixtures.staff("Contract Coach", "LITERACY_COACH_PRIMARY", studio);
        UUID teacher = DistrictFixtures.staff("Contract Teacher", "TEACHER", studio);
        UUID residency = DistrictFixtures.school("Contract Residency", 30, null, null, leader);
        DistrictFixtures.staff("Residency Principal", "PRINCIPAL", residency);
        DistrictFixtures.designate(year, studio, """
                {"readiness": 4, "studio": true, "focusTeacherId": "%s", "literacyCoachId": "%s"}""".formatted(teacher, coach))
                .statusCode(200);
        String principalEtag = given().auth().oauth2(ADMIN).get("/staff/" + principal).then().extract().header("ETag");
        String externalId = given().auth().oauth2(ADMIN).get("/staff/" + principal).then().extract().path("externalId");
        given().auth().oauth2(ADMIN).contentType("application/json").header("If-Match", principalEtag)
                .body(DistrictFixtures.staffJson(externalId, "Contract Principal", "renamed." + externalId.toLowerCase() + "@district.example",
                        "PRINCIPAL", studio, null))
                .put("/staff/" + principal).then().statusCode(200);

        ExtractableResponse<Response> proposal = given().auth().oauth2(ADMIN).contentType("application/json")
                .body("{\"residencySchoolIds\": [\"%s\"]}".formatted(residency))
                .post("/school-years/" + year + "/matchings").then().statusCode(201).extract();
        String pairing = given().auth().oauth2(ADMIN).header("If-Match", proposal.header("ETag"))
                .post("/matchings/" + proposal.path("id") + "/confirmation").then().statusCode(200).extract().path("[0].id");
        String etag = given().auth().oauth2(ADMIN).get("/pairings/" + pairing).then().extract().header("ETag");
        UUID consultant = DistrictFixtures.staff("Contract Consultant", "EXTERNAL_CONSULTANT", null);
        String changed = given().auth().oauth2(ADMIN).contentType("application/json").header("If-Match", etag)
                .body("{\"members\": [{\"staffId\": \"%s\", \"teamRole\": \"PRINCIPAL\"}, {\"staffId\": \"%s\", \"teamRole\": \"CONSULTANT\"}]}"
                        .formatted(principal, consultant))
                .put("/pairings/" + pairing + "/team").then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(ADMIN).contentType("application/json").header("If-Match", changed).body("{\"reason\": \"contract test\"}")
                .post("/pairings/" + pairing + "/dissolution").then().statusCode(200);
        return List.of(year.toString(), studio.toString(), principal.toString(), pairing);
    }

    private OutboxEvent latest(String type, List<String> aggregates) {
        return QuarkusTransaction.requiringNew().call(() ->
                outbox.find("type = ?1 AND aggregateId IN ?2 ORDER BY seq DESC", type, aggregates).firstResult());
    }

    /** Records where the field names differ; descends only where both sides hold an object or a non-empty array. */
    private static void compare(JsonNode example, JsonNode actual, String path, List<String> differences) {
        if (example.isObject() && actual.isObject()) {
            Set<String> expected = names(example);
            Set<String> got = names(actual);
            if (!expected.equals(got)) {
                differences.add(path + ": example has " + expected + ", published has " + got);
            }
            for (String name : expected) {
                if (actual.has(name)) {
                    compare(example.get(name), actual.get(name), path + "." + name, differences);
                }
            }
        } else if (example.isArray() && actual.isArray() && !example.isEmpty() && !actual.isEmpty()) {
            compare(example.get(0), actual.get(0), path + "[]", differences);
        }
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new TreeSet<>();
        Iterator<String> it = node.fieldNames();
        it.forEachRemaining(names::add);
        return names;
    }

    private static InputStream resource(String path) {
        InputStream in = EventContractTest.class.getResourceAsStream(path);
        assertThat(in).as(path).isNotNull();
        return in;
    }
}
