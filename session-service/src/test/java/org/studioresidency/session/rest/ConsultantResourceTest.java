package org.studioresidency.session.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.studioresidency.local.TestInfrastructure;
import org.studioresidency.session.DistrictFixture;
import org.studioresidency.session.service.ConsultantService;
import org.studioresidency.session.service.DirectoryService;
import org.studioresidency.session.service.PairingService;
import org.studioresidency.session.service.SchoolYearService;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class ConsultantResourceTest {

    private static final String ADMIN = TestInfrastructure.token("district-admin");
    private static final String CONTRACTED = "2026-10-06";
    private static final String VACATION = "2026-10-13";

    @Inject
    DirectoryService directory;
    @Inject
    SchoolYearService schoolYears;
    @Inject
    PairingService pairings;

    private UUID consultantInDirectory(String name) {
        UUID id = UUID.randomUUID();
        directory.apply(UUID.randomUUID().toString(), new DirectoryService.StaffChanged(id, "C-" + id, name, id + "@partner.example",
                "EXTERNAL_CONSULTANT", null, true));
        return id;
    }

    private static String terms(String name, int perWeek, String contracted, String unavailable) {
        return "{\"name\": \"%s\", \"maxSessionsPerWeek\": %d, \"contractedDays\": [%s], \"unavailableDates\": [%s]}"
                .formatted(name, perWeek, contracted, unavailable);
    }

    @Test
    void shouldListEveryConsultantOfTheDirectoryWithTheDefaultsUntilTermsAreSet() {
        UUID id = consultantInDirectory("Dr. Nadia Brooks");
        String found = "find { it.staffId == '" + id + "' }";

        given().auth().oauth2(ADMIN).get("/consultants").then().statusCode(200)
                .body(found + ".termsSet", equalTo(false), found + ".name", equalTo("Dr. Nadia Brooks"),
                        found + ".maxSessionsPerWeek", equalTo(ConsultantService.DEFAULT_MAX_SESSIONS_PER_WEEK),
                        found + ".contractedDays", empty(), found + ".email", equalTo(id + "@partner.example"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(terms("Dr. Nadia Brooks", 2, "", ""))
                .put("/consultants/" + id).then().statusCode(200).body("termsSet", equalTo(true));
        given().auth().oauth2(ADMIN).get("/consultants").then()
                .body(found + ".termsSet", equalTo(true), found + ".maxSessionsPerWeek", equalTo(2));
    }

    @Test
    void shouldAcceptUnavailableDatesInsideContractedDaysAsVacations() {
        DistrictFixture district = new DistrictFixture(schoolYears, pairings);
        PairingService.Member consultant = DistrictFixture.consultant("Dr. Omar Reyes");
        DistrictFixture.Pairing pairing = district.pairing("Vacation Elementary", consultant);

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(terms("Dr. Omar Reyes", 2, "\"" + CONTRACTED + "\", \"" + VACATION + "\"", "\"" + VACATION + "\""))
                .put("/consultants/" + consultant.staffId()).then().statusCode(200)
                .body("contractedDays", contains(CONTRACTED, VACATION), "unavailableDates", contains(VACATION));
        String found = "find { it.staffId == '" + consultant.staffId() + "' }";
        given().auth().oauth2(ADMIN).get("/consultants").then()
                .body(found + ".contractedDays", contains(CONTRACTED, VACATION), found + ".unavailableDates", contains(VACATION));

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"pairingId\":\"" + pairing.pairingId() + "\",\"date\":\"" + VACATION + "\",\"halfDay\":\"AM\"}")
                .post("/sessions").then().statusCode(409)
                .body("errors.message", hasItem(containsString("Dr. Omar Reyes is not available on " + VACATION)));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"pairingId\":\"" + pairing.pairingId() + "\",\"date\":\"" + CONTRACTED + "\",\"halfDay\":\"AM\"}")
                .post("/sessions").then().statusCode(201);
    }

    @Test
    void shouldSetEveryConsultantsTermsInOneCallAllOrNone() {
        UUID first = consultantInDirectory("Dr. Ana First");
        UUID second = consultantInDirectory("Dr. Ben Second");
        String both = "[{\"staffId\": \"%s\", \"maxSessionsPerWeek\": 2, \"contractedDays\": [\"%s\"], \"unavailableDates\": []},"
                + " {\"staffId\": \"%s\", \"maxSessionsPerWeek\": 1, \"contractedDays\": [], \"unavailableDates\": [\"%s\"]}]";

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(both.formatted(first, CONTRACTED, second, VACATION))
                .put("/consultants").then().statusCode(200)
                .body("staffId", contains(first.toString(), second.toString()), "termsSet", contains(true, true));

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(both.formatted(second, VACATION, second, CONTRACTED))
                .put("/consultants").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("[1].staffId"));
        String found = "find { it.staffId == '" + second + "' }";
        given().auth().oauth2(ADMIN).get("/consultants").then()
                .body(found + ".unavailableDates", contains(VACATION), found + ".maxSessionsPerWeek", equalTo(1));
    }

    @Test
    void shouldRequireIfMatchToChangeTermsSetBefore() {
        UUID id = consultantInDirectory("Dr. Cy Versioned");
        String terms = "{\"maxSessionsPerWeek\": 2, \"contractedDays\": [], \"unavailableDates\": []}";
        String etag = given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(terms).put("/consultants/" + id)
                .then().statusCode(200).extract().header("ETag");

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(terms).put("/consultants/" + id)
                .then().statusCode(428).contentType("application/problem+json");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).header("If-Match", etag).body(terms.replace("2", "3"))
                .put("/consultants/" + id).then().statusCode(200).body("maxSessionsPerWeek", equalTo(3));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).header("If-Match", etag).body(terms).put("/consultants/" + id)
                .then().statusCode(412);
        given().auth().oauth2(ADMIN).get("/consultants/" + id).then().statusCode(200).header("ETag", org.hamcrest.Matchers.notNullValue());
    }
}
