package org.studioresidency.session.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.studioresidency.local.TestInfrastructure;
import org.studioresidency.session.DistrictFixture;
import org.studioresidency.session.service.PairingService;
import org.studioresidency.session.service.SchoolYearService;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

/** The residency school's team travels to the studio school, so its blackouts bind the pairing's sessions too. */
@QuarkusTest
class ResidencyBlackoutTest {

    private static final String ADMIN = TestInfrastructure.token("district-admin");
    private static final String BLACKED_OUT = "2026-11-10";

    @Inject
    SchoolYearService schoolYears;
    @Inject
    PairingService pairings;

    private DistrictFixture district;
    private DistrictFixture.Pairing garfield;
    private String second;

    @BeforeEach
    void twoSessionsAndAResidencyBlackout() {
        district = new DistrictFixture(schoolYears, pairings);
        garfield = district.pairing("Garfield Elementary", DistrictFixture.consultant("Dr. Helen Ward"));
        create("2026-10-06", "AM").then().statusCode(201);
        second = create("2026-12-01", "AM").then().statusCode(201).extract().path("sessionId");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"reason\":\"Lincoln state reading test\"}")
                .put("/school-years/" + district.schoolYearId + "/calendar/school-blackouts/" + garfield.residencySchoolId() + "/" + BLACKED_OUT)
                .then().statusCode(204);
    }

    @Test
    void shouldRefuseAMoveOntoTheResidencySchoolsBlackoutNamingTheSchool() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"date\":\"" + BLACKED_OUT + "\",\"halfDay\":\"PM\"}")
                .header("If-Match", org.studioresidency.session.IfMatch.session(second)).put("/sessions/" + second + "/slot")
                .then().statusCode(409).contentType("application/problem+json")
                .body("errors.message", hasItem(containsString(
                        "Residency of Garfield Elementary (residency school) has blacked out " + BLACKED_OUT + " (Lincoln state reading test)")))
                .body("errors.message", hasItem(containsString("Outside every participating school's blackouts")));
    }

    @Test
    void shouldRefuseCreatingASessionOnTheResidencySchoolsBlackout() {
        create(BLACKED_OUT, "AM")
                .then().statusCode(409).contentType("application/problem+json")
                .body("errors.message", hasItem(containsString("Residency of Garfield Elementary (residency school)")));
    }

    @Test
    void shouldNotOfferTheResidencySchoolsBlackoutAsAnAlternativeThatBreaksNoRule() {
        JsonPath alternatives = given().auth().oauth2(ADMIN).get("/sessions/" + second + "/alternatives?limit=50")
                .then().statusCode(200).extract().jsonPath();

        List<Map<String, Object>> offered = alternatives.getList("$");
        assertThat(offered).isNotEmpty();
        assertThat(offered).filteredOn(a -> BLACKED_OUT.equals(a.get("date")))
                .allSatisfy(a -> assertThat(a.get("breaksNoHardRule")).isEqualTo(false));
    }

    private io.restassured.response.Response create(String date, String halfDay) {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"pairingId\":\"" + garfield.pairingId() + "\",\"date\":\"" + date + "\",\"halfDay\":\"" + halfDay + "\"}")
                .post("/sessions");
    }
}
