package org.studioresidency.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.studioresidency.notification.service.LearningLoopEmails;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The monthly learning-loop email, received over SMTP: one per leader, the charts as inline PNG parts, the report link. */
@QuarkusTest
class LearningLoopEmailTest {

    private static final ZoneId DISTRICT = ZoneId.of("America/Los_Angeles");
    private static final String REPORT = "https://portal.district.example/sessions/reports/learning-loop/page?schoolYearId=6a1f1c1e-6a3b-4a47-9a55-0d8f1b2a2026";

    @Inject
    LearningLoopEmails emails;

    @Test
    void shouldEmailEachLeaderTheirPairingsWithTheChartsAsInlineImagesAndTheReportLink() throws Exception {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        DistrictFixture first = new DistrictFixture();
        DistrictFixture second = new DistrictFixture();
        ObjectNode a = first.snapshotEvent(now.minusHours(2));
        ObjectNode b = second.snapshotEvent(now.minusHours(2));
        // The same leader supervises both pairings.
        ((ObjectNode) b.get("data").get("leader")).put("staffId", first.leaderStaffId.toString()).put("email", first.leader);
        first.publishSnapshot(a);
        second.publishSnapshot(b);
        // An older snapshot of the first pairing, relayed late, changes nothing: 99 open steps would show if it did.
        ObjectNode stale = first.snapshotEvent(now.minusDays(3));
        ((ObjectNode) stale.get("data").get("schools").get(0)).put("open", 99);
        first.publishSnapshot(stale);
        // A pairing whose newest snapshot is older than the maximum age (14 days) is left out.
        DistrictFixture gone = new DistrictFixture();
        ObjectNode old = gone.snapshotEvent(now.minusDays(30));
        gone.publishSnapshot(old);
        for (ObjectNode event : List.of(a, b, stale, old)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> DistrictFixture.applied(event.get("id").asText()));
        }

        LocalDate month = LocalDate.now(DISTRICT).withDayOfMonth(1);
        assertThat(emails.prepare(month, now)).isPositive();
        emails.prepare(month, now);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(learningLoopMails(first.leader)).hasSize(1));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(learningLoopMails(first.leader)).hasSize(1));
        assertThat(learningLoopMails(second.leader)).isEmpty();
        assertThat(learningLoopMails(gone.leader)).isEmpty();

        JsonNode mail = learningLoopMails(first.leader).get(0);
        assertThat(mail.get("subject").asText()).contains("2 pairings you supervise");
        JsonNode html = Mailbox.part(mail, "text/html");
        String body = html.get("content").asText();
        assertThat(html.get("within").asText()).as("the HTML sits in a multipart/related body with its images").contains("multipart/related");
        assertThat(body).contains(first.studioName + " / " + first.residencyName, second.studioName + " / " + second.residencyName,
                "href=\"" + REPORT + "\"", "District median", "50%", "100%").doesNotContain("data:image", "<svg", ">99<");
        assertThat(Mailbox.part(mail, "text/plain").get("content").asText())
                .contains("The full report: " + REPORT, "This pairing: 1: 0%, 2: 50%, 3: 100%", "District: 1: 7%, 2: 25%, 3: 47%",
                        first.studioName + " (studio): 2 / 1 / 3", "District median: 2 / 0.5 / 1");

        Matcher cid = Pattern.compile("src=\"cid:([^\"]+)\"").matcher(body);
        List<String> referenced = cid.results().map(r -> r.group(1)).toList();
        assertThat(referenced).containsExactlyInAnyOrder("release-" + first.pairing + "@learning-loop", "steps-" + first.pairing + "@learning-loop",
                "release-" + second.pairing + "@learning-loop", "steps-" + second.pairing + "@learning-loop");
        List<ObjectNode> images = Mailbox.leaves(mail).stream().filter(p -> p.path("contentType").asText().toLowerCase().startsWith("image/")).toList();
        assertThat(images).hasSize(4);
        for (ObjectNode image : images) {
            assertThat(image.get("contentType").asText()).startsWith("image/png");
            assertThat(image.get("within").asText()).contains("multipart/related");
            String contentId = image.get("contentId").asText();
            assertThat(contentId).startsWith("<").endsWith(">");
            assertThat(referenced).contains(contentId.substring(1, contentId.length() - 1));
            BufferedImage png = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(image.get("base64").asText())));
            assertThat(png).as("%s decodes as an image", contentId).isNotNull();
            assertThat(png.getWidth()).isEqualTo(1120);
            assertThat(png.getHeight()).isEqualTo(480);
        }
    }

    private static List<JsonNode> learningLoopMails(String address) {
        return Mailbox.to(address).stream().filter(m -> m.get("subject").asText().startsWith("Learning loop, ")).toList();
    }
}
