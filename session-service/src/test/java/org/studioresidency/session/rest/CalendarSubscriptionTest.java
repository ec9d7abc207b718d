package org.studioresidency.session.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.studioresidency.local.TestInfrastructure;
import org.studioresidency.session.DistrictFixture;
import org.studioresidency.session.event.EventShapes;
import org.studioresidency.session.service.DirectoryService;
import org.studioresidency.session.service.PairingService;
import org.studioresidency.session.service.SchoolYearService;

import java.io.StringReader;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** Secret feed URLs for calendar apps that cannot send a bearer token. */
@QuarkusTest
class CalendarSubscriptionTest {

    private static final String ADMIN = TestInfrastructure.token("district-admin");

    @Inject
    SchoolYearService schoolYears;
    @Inject
    PairingService pairings;
    @Inject
    DirectoryService directory;

    private DistrictFixture.Pairing garfield;
    private PairingService.Member teacher;

    @BeforeEach
    void aPublishedSessionOfATeacher() {
        DistrictFixture district = new DistrictFixture(schoolYears, pairings);
        garfield = district.pairing("Garfield Elementary", DistrictFixture.consultant("Dr. Helen Ward"));
        teacher = garfield.team().stream().filter(m -> m.teamRole().equals("STUDIO_TEACHER")).findFirst().orElseThrow();
        directory.apply(UUID.randomUUID().toString(), new DirectoryService.StaffChanged(teacher.staffId(), "T-1", teacher.name(),
                teacher.email(), "TEACHER", garfield.studioSchoolId(), true));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"pairingId\":\"" + garfield.pairingId() + "\",\"date\":\"2026-10-08\",\"halfDay\":\"AM\"}")
                .post("/sessions").then().statusCode(201);
    }

    @Test
    void shouldServeAPersonsFeedAtItsSecretUrlWithoutABearerToken() throws Exception {
        String principal = TestInfrastructure.principalToken(garfield.studioSchoolId().toString());
        String url = given().auth().oauth2(principal).contentType(ContentType.JSON).body("{\"staffId\":\"" + teacher.staffId() + "\"}")
                .post("/calendar-subscriptions").then().statusCode(201)
                .body("webcalUrl", startsWith("webcal://")).extract().path("url");

        String ics = given().get(url).then().statusCode(200).contentType(startsWith("text/calendar")).extract().asString();

        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        assertThat(calendar.<net.fortuna.ical4j.model.component.VEvent>getComponents(Component.VEVENT)).hasSize(1);
        assertThat(url.substring(url.lastIndexOf('/') + 1, url.length() - ".ics".length()))
                .as("at least 128 bits of randomness, URL-safe").matches("[A-Za-z0-9_-]{43}");
    }

    @Test
    void shouldAnswer404AtARevokedUrlAndAtAGuessedOne() {
        var created = given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"schoolId\":\"" + garfield.studioSchoolId() + "\"}")
                .post("/calendar-subscriptions").then().extract();
        if (created.statusCode() == 404) {
            // The school has not reached this service from the directory; subscribe the teacher instead.
            created = given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"staffId\":\"" + teacher.staffId() + "\"}")
                    .post("/calendar-subscriptions").then().statusCode(201).extract();
        }
        String url = created.path("url");
        given().get(url).then().statusCode(200);

        given().auth().oauth2(ADMIN).delete("/calendar-subscriptions/" + created.path("subscriptionId")).then().statusCode(204);

        given().get(url).then().statusCode(404).contentType("application/problem+json");
        given().get("/feeds/subscriptions/" + "A".repeat(43) + ".ics").then().statusCode(404);
    }

    @Test
    void shouldNotLetAPrincipalCreateAUrlForAnotherSchoolsPeople() {
        String otherPrincipal = TestInfrastructure.principalToken(UUID.randomUUID().toString());

        given().auth().oauth2(otherPrincipal).contentType(ContentType.JSON).body("{\"staffId\":\"" + teacher.staffId() + "\"}")
                .post("/calendar-subscriptions").then().statusCode(404);
        given().auth().oauth2(otherPrincipal).contentType(ContentType.JSON).body("{\"schoolId\":\"" + garfield.studioSchoolId() + "\"}")
                .post("/calendar-subscriptions").then().statusCode(404);
    }

    @Test
    void shouldRevokeAPersonsUrlsWhenTheyLeaveTheDistrict() {
        String url = given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"staffId\":\"" + teacher.staffId() + "\"}")
                .post("/calendar-subscriptions").then().statusCode(201).extract().path("url");

        directory.apply(UUID.randomUUID().toString(), new DirectoryService.StaffChanged(teacher.staffId(), "T-1", teacher.name(),
                teacher.email(), "TEACHER", garfield.studioSchoolId(), false));

        given().get(url).then().statusCode(404);
        given().auth().oauth2(ADMIN).get("/calendar-subscriptions").then().statusCode(200)
                .body("findAll { it.staffId == '" + teacher.staffId() + "' }.size()", equalTo(0));
    }

    @Test
    void shouldAnnounceAPersonsNewFeedUrlForTheirOwnEmails() {
        var created = given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"staffId\":\"" + teacher.staffId() + "\"}")
                .post("/calendar-subscriptions").then().statusCode(201).extract();
        String subscriptionId = created.path("subscriptionId");

        JsonNode event = EventShapes.published(subscriptionId, "district.session.calendar-subscription.created.v1");

        EventShapes.assertSameFieldsAsExample(event, "district.session.calendar-subscription.created.v1");
        assertThat(event.at("/data/staffId").asText()).isEqualTo(teacher.staffId().toString());
        assertThat(event.at("/data/url").asText()).isEqualTo(created.<String>path("url"));
        assertThat(event.at("/data/webcalUrl").asText()).isEqualTo(created.<String>path("webcalUrl"));
    }

    @Test
    void shouldAnnounceTheRevocationOfAPersonsFeedUrl() {
        String subscriptionId = given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"staffId\":\"" + teacher.staffId() + "\"}")
                .post("/calendar-subscriptions").then().statusCode(201).extract().path("subscriptionId");

        given().auth().oauth2(ADMIN).delete("/calendar-subscriptions/" + subscriptionId).then().statusCode(204);

        JsonNode event = EventShapes.published(subscriptionId, "district.session.calendar-subscription.revoked.v1");
        EventShapes.assertSameFieldsAsExample(event, "district.session.calendar-subscription.revoked.v1");
        assertThat(event.at("/data/reason").asText()).isEqualTo("revoked on request");
    }
}
