package org.studioresidency.session.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.studioresidency.local.TestInfrastructure;
import org.studioresidency.session.DistrictFixture;
import org.studioresidency.session.IfMatch;
import org.studioresidency.session.event.EventShapes;
import org.studioresidency.session.service.PairingService;
import org.studioresidency.session.service.SchoolYearService;

import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/** Conflicts a team change decided in pairing-service creates for booked sessions: recorded, announced, resolved. */
@QuarkusTest
class SessionConflictTest {

    private static final String ADMIN = TestInfrastructure.token("district-admin");

    @Inject
    SchoolYearService schoolYears;
    @Inject
    PairingService pairings;

    private DistrictFixture district;
    private DistrictFixture.Pairing garfield;
    private DistrictFixture.Pairing hawthorne;
    private String garfieldSession;
    private String hawthorneSession;

    @BeforeEach
    void twoPairings() {
        district = new DistrictFixture(schoolYears, pairings);
        garfield = district.pairing("Garfield Elementary", DistrictFixture.consultant("Dr. Helen Ward"));
        hawthorne = district.pairing("Hawthorne Elementary", DistrictFixture.consultant("Ines Duarte"));
    }

    /** Both pairings' sessions on one morning; each test has a date of its own, since substitute caps are district-wide. */
    private void sessionsOn(String date) {
        garfieldSession = create(garfield, date);
        hawthorneSession = create(hawthorne, date);
    }

    @Test
    void shouldRecordAndAnnounceAPersonATeamChangeDoubleBooksAndResolveItWhenTheSessionMoves() {
        sessionsOn("2027-05-06");
        PairingService.Member coach = DistrictFixture.member("Alicia Gomez", "DISTRICT_LITERACY_COACH", null, "DISTRICT_LITERACY_COACH");
        garfield = district.changeTeam(garfield, 2, with(garfield.team(), coach));
        List<PairingService.Member> newTeam = with(hawthorne.team(), coach);
        newTeam.removeIf(m -> m.teamRole().equals("RESIDENCY_TEACHER"));
        hawthorne = district.changeTeam(hawthorne, 2, newTeam);

        given().auth().oauth2(ADMIN).get("/sessions/" + hawthorneSession).then().statusCode(200)
                .body("conflicts", hasSize(1))
                .body("conflicts[0].kind", equalTo("PERSON_DOUBLE_BOOKED"))
                .body("conflicts[0].staffName", equalTo("Alicia Gomez"))
                .body("conflicts[0].otherSessionId", equalTo(garfieldSession))
                .body("conflicts[0].detail", containsString("Garfield Elementary"))
                .body("conflicts[0].alternatives", equalTo("/sessions/" + hawthorneSession + "/alternatives"));
        given().auth().oauth2(ADMIN).get("/school-years/" + district.schoolYearId + "/conflicts").then().statusCode(200)
                .body("sessionId", hasItem(hawthorneSession));
        JsonNode detected = EventShapes.published(hawthorneSession, "district.session.conflict-detected.v1");
        EventShapes.assertSameFieldsAsExample(detected, "district.session.conflict-detected.v1");
        JsonNode teamChanged = EventShapes.published(hawthorneSession, "district.session.team-changed.v1");
        EventShapes.assertSameFieldsAsExample(teamChanged, "district.session.team-changed.v1");
        assertThat(teamChanged.at("/data/added/0/name").asText()).isEqualTo("Alicia Gomez");
        assertThat(teamChanged.at("/data/removed/0/teamRole").asText()).isEqualTo("RESIDENCY_TEACHER");

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"date\":\"2027-05-13\",\"halfDay\":\"AM\"}")
                .header("If-Match", IfMatch.session(hawthorneSession)).put("/sessions/" + hawthorneSession + "/slot").then().statusCode(200);

        given().auth().oauth2(ADMIN).get("/sessions/" + hawthorneSession).then().body("conflicts", hasSize(0));
        JsonNode resolved = EventShapes.published(hawthorneSession, "district.session.conflict-resolved.v1");
        EventShapes.assertSameFieldsAsExample(resolved, "district.session.conflict-resolved.v1");
        assertThat(resolved.at("/data/resolution").asText()).contains("moved to 2027-05-13");
    }

    @Test
    void shouldBookTheDoubleBookedPersonOnceTheOtherSessionMovesAway() {
        sessionsOn("2027-05-20");
        PairingService.Member coach = DistrictFixture.member("Alicia Gomez", "DISTRICT_LITERACY_COACH", null, "DISTRICT_LITERACY_COACH");
        garfield = district.changeTeam(garfield, 2, with(garfield.team(), coach));
        hawthorne = district.changeTeam(hawthorne, 2, with(hawthorne.team(), coach));

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"date\":\"2027-05-27\",\"halfDay\":\"AM\"}")
                .header("If-Match", IfMatch.session(garfieldSession)).put("/sessions/" + garfieldSession + "/slot").then().statusCode(200);

        given().auth().oauth2(ADMIN).get("/sessions/" + hawthorneSession).then().body("conflicts", hasSize(0));
        assertThat(EventShapes.published(hawthorneSession, "district.session.conflict-resolved.v1").at("/data/resolution").asText())
                .contains("booked into session");
    }

    @Test
    void shouldRecordADateATeamChangePushesOverTheDailySubstituteCap() {
        sessionsOn("2027-06-03");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"cap\":4}").put("/settings/substitute-caps/2027-06-03").then().statusCode(204);
        PairingService.Member extra = DistrictFixture.member("Rosa Diaz", "TEACHER", hawthorne.residencySchoolId(), "RESIDENCY_TEACHER");

        district.changeTeam(hawthorne, 2, with(hawthorne.team(), extra));

        given().auth().oauth2(ADMIN).get("/sessions/" + hawthorneSession).then()
                .body("conflicts.kind", hasItem("SUBSTITUTE_CAP_EXCEEDED"))
                .body("conflicts.find { it.kind == 'SUBSTITUTE_CAP_EXCEEDED' }.cap", equalTo(4));

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"reason\":\"Consultant ill\"}")
                .header("If-Match", IfMatch.session(garfieldSession)).post("/sessions/" + garfieldSession + "/cancellation").then().statusCode(200);

        given().auth().oauth2(ADMIN).get("/sessions/" + hawthorneSession).then().body("conflicts", hasSize(0));
    }

    private static List<PairingService.Member> with(List<PairingService.Member> team, PairingService.Member member) {
        List<PairingService.Member> changed = new ArrayList<>(team);
        changed.add(member);
        return changed;
    }

    private static String create(DistrictFixture.Pairing pairing, String date) {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"pairingId\":\"" + pairing.pairingId() + "\",\"date\":\"" + date + "\",\"halfDay\":\"AM\"}")
                .post("/sessions").then().statusCode(201).extract().path("sessionId");
    }
}
