package org.studioresidency.pairing;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.studioresidency.local.TestInfrastructure;
import org.studioresidency.pairing.domain.OutboxEvent;
import org.studioresidency.pairing.repository.OutboxRepository;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.studioresidency.pairing.DistrictFixtures.ADMIN;
import static org.studioresidency.pairing.DistrictFixtures.postSchool;
import static org.studioresidency.pairing.DistrictFixtures.postStaff;
import static org.studioresidency.pairing.DistrictFixtures.schoolJson;
import static org.studioresidency.pairing.DistrictFixtures.staffJson;
import static org.studioresidency.pairing.DistrictFixtures.unique;

@QuarkusTest
class DirectoryResourceTest {

    @Inject
    OutboxRepository outbox;

    @Test
    void shouldNotAcceptARaceEthnicityShareAbove100() {
        postSchool(schoolJson(unique("SIS"), "Bad Share", 30, null, null, null).replace("\"latino\": 40", "\"latino\": 140"))
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("raceEthnicity.latino"), "errors.message", hasItem("must be between 0 and 100"));
    }

    @Test
    void shouldNotAcceptRaceEthnicitySharesThatDoNotSumToAbout100() {
        postSchool(schoolJson(unique("SIS"), "Bad Sum", 30, null, null, null).replace("\"latino\": 40", "\"latino\": 30"))
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("raceEthnicity"), "errors[0].message", containsString("sum to 90"));
    }

    @Test
    void shouldAcceptRoundedSharesWithinOnePointOf100() {
        postSchool(schoolJson(unique("SIS"), "Rounded", 30, null, null, null).replace("\"latino\": 40", "\"latino\": 40.6"))
                .statusCode(201);
    }

    @Test
    void shouldNotAcceptAPercentageOutside0To100() {
        postSchool(schoolJson(unique("SIS"), "Bad ELL", 101, null, null, null))
                .statusCode(400).body("errors[0].field", equalTo("englishLearnerPercent"));
    }

    @Test
    void shouldNotAcceptALatitudeWithoutALongitude() {
        postSchool(schoolJson(unique("SIS"), "Half located", 30, 47.6, null, null))
                .statusCode(400).body("errors[0].field", equalTo("longitude"));
    }

    @Test
    void shouldNotAcceptASecondSchoolWithTheSameExternalId() {
        String externalId = unique("SIS");
        postSchool(schoolJson(externalId, "First", 30, null, null, null)).statusCode(201);
        postSchool(schoolJson(externalId, "Second", 30, null, null, null))
                .statusCode(409).contentType("application/problem+json").body("errors[0].field", equalTo("externalId"));
    }

    @Test
    void shouldNotAcceptAnInvalidEmail() {
        UUID school = DistrictFixtures.school("Email School");
        postStaff(staffJson(unique("T"), "No Domain", "nobody@nowhere", "TEACHER", school, "2"))
                .statusCode(400).body("errors[0].field", equalTo("email"));
    }

    @Test
    void shouldNotAcceptASecondStaffMemberWithTheSameExternalId() {
        UUID school = DistrictFixtures.school("Dup Staff School");
        String externalId = unique("T");
        postStaff(staffJson(externalId, "One", externalId + "a@district.example", "TEACHER", school, "1")).statusCode(201);
        postStaff(staffJson(externalId, "Two", externalId + "b@district.example", "TEACHER", school, "1"))
                .statusCode(409).body("errors[0].field", equalTo("externalId"));
    }

    @Test
    void shouldNotAcceptASchoolRoleWithoutASchool() {
        postStaff(staffJson(unique("T"), "Floating", unique("f") + "@district.example", "TEACHER", null, "1"))
                .statusCode(400).body("errors[0].field", equalTo("schoolId"));
    }

    @Test
    void shouldNotAcceptASecondPrincipalForASchool() {
        UUID school = DistrictFixtures.school("Two Heads");
        DistrictFixtures.staff("First Principal", "PRINCIPAL", school);
        postStaff(staffJson(unique("T"), "Second Principal", unique("p") + "@district.example", "PRINCIPAL", school, null))
                .statusCode(409);
    }

    @Test
    void shouldKeepOnePrincipalPerSchoolWhenTwoAreAddedAtOnce() throws Exception {
        UUID school = DistrictFixtures.school("Raced School");
        java.util.concurrent.Callable<Integer> addPrincipal = () -> postStaff(staffJson(unique("T"), "Racing Principal",
                unique("race") + "@district.example", "PRINCIPAL", school, null)).extract().statusCode();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<Integer> statuses = pool.invokeAll(List.of(addPrincipal, addPrincipal)).stream().map(f -> {
                try {
                    return f.get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
            assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void shouldNotAcceptAnUnknownStaffRole() {
        postStaff(staffJson(unique("T"), "Janitor", unique("j") + "@district.example", "JANITOR", null, null))
                .statusCode(400).body("errors[0].field", equalTo("role"));
    }

    @Test
    void shouldNotAcceptASupervisingLeaderWhoIsNotACentralOfficeLeader() {
        UUID school = DistrictFixtures.school("Led School");
        UUID teacher = DistrictFixtures.staff("Not A Leader", "TEACHER", school);
        postSchool(schoolJson(unique("SIS"), "Badly Led", 30, null, null, teacher.toString()))
                .statusCode(400).body("errors[0].field", equalTo("supervisingLeaderId"));
    }

    @Test
    void shouldPageFilterAndSortSchools() {
        String tag = unique("Paging");
        for (String letter : List.of("C", "A", "B")) {
            DistrictFixtures.school(tag + " " + letter);
        }
        given().auth().oauth2(ADMIN).queryParam("name", tag).queryParam("sort", "-name").queryParam("size", 2).get("/schools")
                .then().statusCode(200)
                .header("X-Total-Count", "3")
                .body("total", equalTo(3), "items", hasSize(2), "items[0].name", equalTo(tag + " C"), "items[1].name", equalTo(tag + " B"));
        given().auth().oauth2(ADMIN).queryParam("name", tag).queryParam("sort", "-name").queryParam("size", 2).queryParam("page", 1)
                .get("/schools").then().statusCode(200).body("items", hasSize(1), "items[0].name", equalTo(tag + " A"));
    }

    @Test
    void shouldNameTheSortFieldItCannotSortBy() {
        given().auth().oauth2(ADMIN).queryParam("sort", "password").get("/schools")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("sort"), "errors[0].message", containsString("name"));
    }

    @Test
    void shouldNotAcceptAPageSizeAbove200() {
        given().auth().oauth2(ADMIN).queryParam("size", 1000).get("/staff")
                .then().statusCode(400).body("errors[0].field", equalTo("size"));
    }

    @Test
    void shouldNameThePageParameterThatIsNotANumber() {
        given().auth().oauth2(ADMIN).queryParam("page", "first").get("/schools")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("page"));
    }

    @Test
    void shouldRequireIfMatchToUpdateASchool() {
        UUID school = DistrictFixtures.school("Needs Etag");
        given().auth().oauth2(ADMIN).contentType("application/json").body(schoolJson(unique("SIS"), "Renamed", 30, null, null, null))
                .put("/schools/" + school).then().statusCode(428).contentType("application/problem+json");
    }

    @Test
    void shouldRefuseAnUpdateBasedOnAStaleVersion() {
        String externalId = unique("SIS");
        UUID school = UUID.fromString(postSchool(schoolJson(externalId, "Versioned", 30, null, null, null)).extract().path("id"));
        String etag = given().auth().oauth2(ADMIN).get("/schools/" + school).then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(ADMIN).contentType("application/json").header("If-Match", etag)
                .body(schoolJson(externalId, "Versioned Once", 30, null, null, null))
                .put("/schools/" + school).then().statusCode(200).body("name", equalTo("Versioned Once"));
        given().auth().oauth2(ADMIN).contentType("application/json").header("If-Match", etag)
                .body(schoolJson(externalId, "Versioned Twice", 30, null, null, null))
                .put("/schools/" + school).then().statusCode(412).contentType("application/problem+json");
    }

    @Test
    void shouldLetAPrincipalReadOnlyTheirOwnSchoolAndStaff() {
        UUID own = DistrictFixtures.school("Own School");
        UUID other = DistrictFixtures.school("Other School");
        DistrictFixtures.staff("Own Teacher", "TEACHER", own);
        DistrictFixtures.staff("Other Teacher", "TEACHER", other);
        String principal = TestInfrastructure.principalToken(own.toString());

        given().auth().oauth2(principal).get("/schools").then().statusCode(200).body("total", equalTo(1), "items[0].id", equalTo(own.toString()));
        given().auth().oauth2(principal).get("/schools/" + other).then().statusCode(404);
        given().auth().oauth2(principal).get("/staff").then().statusCode(200).body("items.schoolId", everyItem(equalTo(own.toString())));
        given().auth().oauth2(principal).contentType("application/json").body(schoolJson(unique("SIS"), "Mine", 30, null, null, null))
                .post("/schools").then().statusCode(403);
    }

    @Test
    void shouldPublishSchoolEventsWithThePrincipalAndPublishAgainWhenThePrincipalsEmailChanges() {
        UUID leader = DistrictFixtures.staff("Robert Kim", "CENTRAL_OFFICE_LEADER", null);
        UUID school = DistrictFixtures.school("Garfield", 30, null, null, leader);
        String externalId = unique("T");
        UUID principal = UUID.fromString(postStaff(staffJson(externalId, "Maria Alvarez", externalId + "@district.example", "PRINCIPAL", school, null))
                .statusCode(201).extract().path("id"));
        String etag = given().auth().oauth2(ADMIN).get("/staff/" + principal).then().extract().header("ETag");
        given().auth().oauth2(ADMIN).contentType("application/json").header("If-Match", etag)
                .body(staffJson(externalId, "Maria Alvarez", "maria." + externalId + "@district.example", "PRINCIPAL", school, null))
                .put("/staff/" + principal).then().statusCode(200);

        List<OutboxEvent> schoolEvents = eventsAbout(school);
        assertThat(schoolEvents).extracting(e -> e.type).containsExactly("district.directory.school.created.v1",
                "district.directory.school.updated.v1", "district.directory.school.updated.v1");
        assertThat(schoolEvents.get(0).payload).contains("\"supervisingLeader\":{\"staffId\":\"" + leader + "\",\"name\":\"Robert Kim\"")
                .contains("\"principal\":null");
        assertThat(schoolEvents.get(2).payload).contains("\"email\":\"maria." + externalId + "@district.example\"");
        assertThat(eventsAbout(principal)).extracting(e -> e.type)
                .containsExactly("district.directory.staff.created.v1", "district.directory.staff.updated.v1");
    }

    @Test
    void shouldRepublishEachSupervisedSchoolWhenItsLeadersEmailChanges() {
        String externalId = unique("L");
        UUID leader = UUID.fromString(postStaff(staffJson(externalId, "Robert Kim", externalId + "@district.example", "CENTRAL_OFFICE_LEADER", null, null))
                .statusCode(201).extract().path("id"));
        UUID first = DistrictFixtures.school("Supervised One", 30, null, null, leader);
        UUID second = DistrictFixtures.school("Supervised Two", 30, null, null, leader);
        String etag = given().auth().oauth2(ADMIN).get("/staff/" + leader).then().extract().header("ETag");
        given().auth().oauth2(ADMIN).contentType("application/json").header("If-Match", etag)
                .body(staffJson(externalId, "Robert Kim", "robert." + externalId + "@district.example", "CENTRAL_OFFICE_LEADER", null, null))
                .put("/staff/" + leader).then().statusCode(200);

        for (UUID school : List.of(first, second)) {
            List<OutboxEvent> events = eventsAbout(school);
            assertThat(events).extracting(e -> e.type).containsExactly("district.directory.school.created.v1",
                    "district.directory.school.updated.v1");
            assertThat(events.get(1).payload).contains("\"email\":\"robert." + externalId + "@district.example\"");
        }
        given().auth().oauth2(ADMIN).queryParam("supervisingLeaderId", leader.toString()).get("/schools")
                .then().body("total", equalTo(2));
    }

    @Test
    void shouldNotPublishAnythingForAnUpdateThatChangesNothing() {
        String externalId = unique("SIS");
        String json = schoolJson(externalId, "Steady", 30, null, null, null);
        UUID school = UUID.fromString(postSchool(json).statusCode(201).extract().path("id"));
        String etag = given().auth().oauth2(ADMIN).get("/schools/" + school).then().extract().header("ETag");
        given().auth().oauth2(ADMIN).contentType("application/json").header("If-Match", etag).body(json)
                .put("/schools/" + school).then().statusCode(200).header("ETag", equalTo(etag));

        assertThat(eventsAbout(school)).hasSize(1);
    }

    private List<OutboxEvent> eventsAbout(UUID aggregate) {
        return QuarkusTransaction.requiringNew().call(() ->
                outbox.list("aggregateId = ?1 ORDER BY seq", aggregate.toString()));
    }
}
