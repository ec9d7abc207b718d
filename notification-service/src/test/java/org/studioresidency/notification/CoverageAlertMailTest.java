package org.studioresidency.notification;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
class CoverageAlertMailTest {

    private static final String OFFICE = "district-office@test.district.example";

    @Test
    void shouldAlertTheTeachersPrincipalAndTheDistrictOfficeWhenCoverageIsAtRisk() {
        DistrictFixture district = new DistrictFixture().withSchools();
        SessionSummaryMailTest.awaitSchoolsKnown(district);
        String teacher = "Priya Shah " + district.tag;

        DistrictFixture.publish("district.coverage", district.session.toString(),
                district.coverageEvent("district.coverage.at-risk.v1", LocalDate.now().plusDays(3), teacher));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(alerts(district.residencyPrincipal, teacher)).hasSize(1);
            assertThat(alerts(OFFICE, teacher)).hasSize(1);
        });
        JsonNode mail = alerts(district.residencyPrincipal, teacher).get(0);
        assertThat(mail.get("subject").asText()).startsWith("Substitute still needed: " + teacher);
        assertThat(Mailbox.part(mail, "text/plain").get("content").asText())
                .contains("Dear Tom Okafor", teacher + " of " + district.residencyName, "3 days from now");
        assertThat(Mailbox.part(mail, "text/html").get("content").asText()).contains("<strong>" + teacher + "</strong>");
        assertThat(alerts(district.studioPrincipal, teacher)).isEmpty();
    }

    @Test
    void shouldNotAlertAnyoneWhileCoverageIsOnlyRequested() {
        DistrictFixture district = new DistrictFixture().withSchools();
        SessionSummaryMailTest.awaitSchoolsKnown(district);
        String teacher = "Ben Carter " + district.tag;
        DistrictFixture.publish("district.coverage", district.session.toString(),
                district.coverageEvent("district.coverage.requested.v1", LocalDate.now().plusDays(20), teacher));
        String marker = "Marker " + district.tag;
        DistrictFixture.publish("district.coverage", district.session.toString(),
                district.coverageEvent("district.coverage.at-risk.v1", LocalDate.now().plusDays(2), marker));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(alerts(OFFICE, marker)).hasSize(1));
        assertThat(alerts(OFFICE, teacher)).isEmpty();
        assertThat(alerts(district.residencyPrincipal, teacher)).isEmpty();
    }

    private static List<JsonNode> alerts(String address, String teacher) {
        return Mailbox.to(address).stream().filter(m -> m.get("subject").asText().contains(teacher)).toList();
    }
}
