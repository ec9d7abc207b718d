package org.studioresidency.session.report;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.studioresidency.local.TestInfrastructure;
import org.studioresidency.session.DistrictFixture;
import org.studioresidency.session.IfMatch;
import org.studioresidency.session.service.PairingService;
import org.studioresidency.session.service.SchoolYearService;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * A year of six sessions for two pairings (Adams hosting Avon, Baker hosting Birch), with known demonstrators, next steps
 * closed on time, late and never, attendance, substitutes and evaluations; every figure of the report is checked against
 * values worked out by hand in the comments.
 */
@QuarkusTest
class LearningLoopReportTest {

    private static final String ADMIN = TestInfrastructure.token("district-admin");
    private static final String[] DATES = {"2026-09-17", "2026-10-15", "2026-11-12", "2027-01-14", "2027-02-11", "2027-03-11"};

    @Inject
    SchoolYearService schoolYears;
    @Inject
    PairingService pairings;
    @Inject
    EntityManager em;
    @Inject
    LearningLoopSnapshots snapshots;

    private DistrictFixture district;
    private Team a;
    private Team b;
    /** The central-office leader supervising both pairings, who joins their teams once the year is recorded (see {@link #supervised}). */
    private PairingService.Member leader;
    private final Map<String, String> steps = new java.util.HashMap<>();

    /** A pairing's people by part, and its sessions 1..6. */
    private record Team(DistrictFixture.Pairing pairing, PairingService.Member consultant, PairingService.Member principal,
                        PairingService.Member studioTeacher, PairingService.Member residencyTeacher, PairingService.Member coach,
                        PairingService.Member residencyPrincipal, List<String> sessions) {
        List<PairingService.Member> everyone() {
            return List.of(consultant, principal, studioTeacher, residencyTeacher, coach, residencyPrincipal);
        }

        String studioPrincipalToken() {
            return TestInfrastructure.principalToken(pairing.studioSchoolId().toString());
        }

        String residencyPrincipalToken() {
            return TestInfrastructure.principalToken(pairing.residencySchoolId().toString());
        }
    }

    @BeforeEach
    void aYearOfTwoPairings() {
        district = new DistrictFixture(schoolYears, pairings);
        a = team("Adams Elementary", "AM");
        b = team("Baker Elementary", "PM");
        adamsYear();
        bakerYear();
    }

    @Test
    void shouldReportEveryFigureOfTheDistrictAsWorkedOutByHand() {
        JsonPath report = report(ADMIN);
        String d = "district.";

        // Gradual release: demonstrations per session number (Adams + Baker), school staff = anyone but the consultant.
        // 1: 1+1, none by staff; 2: 2+1, none; 3: 2+1, Adams' studio teacher (video); 4: 2+2, both studio teachers;
        // 5: 2+1, Adams' studio and residency teachers; 6: 2+1, all by staff.
        assertThat(release(report, d)).containsExactly(
                List.of(1, 2, 2, 0, 2, 0.0), List.of(2, 2, 3, 0, 3, 0.0), List.of(3, 2, 3, 1, 2, 1.0 / 3),
                List.of(4, 2, 4, 2, 2, 0.5), List.of(5, 2, 3, 2, 1, 2.0 / 3), List.of(6, 2, 3, 3, 0, 1.0));
        // Moved from observing to demonstrating, by date: Adams' studio teacher at 3 (present at 1, 2), Baker's studio
        // teacher at 4 (absent at 1: present at 2, 3), Adams' residency teacher at 5 (absent at 2 and 4: present at 1, 3),
        // Adams' coach at 6 (present at 1-5).
        assertThat(report.<Map<String, Object>>getList(d + "gradualRelease.movedToDemonstrating").stream()
                .map(m -> List.of(m.get("staffId"), ((Map<?, ?>) m.get("session")).get("number"), m.get("sessionsObservedBefore"), m.get("form"))).toList())
                .containsExactly(List.of(id(a.studioTeacher()), 3, 2, "VIDEO_SEGMENT"), List.of(id(b.studioTeacher()), 4, 2, "CO_TEACHING"),
                        List.of(id(a.residencyTeacher()), 5, 2, "CONFERRING"), List.of(id(a.coach()), 6, 5, "LIVE_LESSON"));

        // Follow-through: a1 on time (evidence), a2 late, a3 on time (closed on the visit day), a4 open, a5 dropped,
        // a6 late (last session: due date), b1 on time (evidence), b2 open, b3 on time (evidence).
        // Days to close: a1 14, a2 33, a3 28, a6 28, b1 19, b3 18 -> median of 14 18 19 28 28 33 = 23.5.
        assertThat(steps(report, d + "followThrough.all")).containsExactly(9, 4, 2, 2, 1, 3, 23.5);
        // Teachers a1 a2 a5 a6 b1 b2 (days 14 33 28 19 -> 23.5); coach a3; principals a4 b3.
        assertThat(groups(report, d + "followThrough.byOwnerRole")).containsExactly(
                entry("COACH", List.of(1, 1, 0, 0, 0, 0, 28.0)),
                entry("PRINCIPAL", List.of(2, 1, 0, 1, 0, 1, 18.0)),
                entry("TEACHER", List.of(6, 2, 2, 1, 1, 2, 23.5)));
        assertThat(groups(report, d + "followThrough.bySchool")).containsOnly(
                entry(id(a.pairing().studioSchoolId()), List.of(4, 2, 1, 1, 0, 1, 28.0)),
                entry(id(a.pairing().residencySchoolId()), List.of(2, 0, 1, 0, 1, 0, 33.0)),
                entry(id(b.pairing().studioSchoolId()), List.of(1, 1, 0, 0, 0, 1, 19.0)),
                entry(id(b.pairing().residencySchoolId()), List.of(2, 1, 0, 1, 0, 1, 18.0)));

        // Focus: the words of a problem count once however they are capitalised or end.
        assertThat(report.<Map<String, Object>>getList(d + "focus").stream().map(f -> List.of(f.get("focus"), f.get("sessions"), f.get("schools"))).toList())
                .containsExactly(List.of("INDEPENDENT_READING", 5, 4), List.of("READ_ALOUD", 4, 4), List.of("SHARED_READING", 2, 2),
                        List.of("WRITING_WORKSHOP", 1, 2));
        assertThat(report.<Map<String, Object>>getList(d + "focus.find { it.focus == 'READ_ALOUD' }.problemsOfPractice").stream()
                .map(p -> List.of(p.get("problemOfPractice"), p.get("sessions"), p.get("schools"))).toList())
                .containsExactly(List.of("Students do not talk about books", 3, 4), List.of("Turn-and-talk is silent", 1, 2));
        assertThat(report.<Map<String, Object>>getList(d + "focus.find { it.focus == 'INDEPENDENT_READING' }.problemsOfPractice").stream()
                .map(p -> List.of(p.get("problemOfPractice"), p.get("sessions"), p.get("schools"))).toList())
                .containsExactly(List.of("Conferring feels like interrogation", 3, 4), List.of("Readers abandon books", 2, 4));
        assertThat(report.getList(d + "focus.find { it.focus == 'WRITING_WORKSHOP' }.problemsOfPractice[0].sessionsBehind.sessionId"))
                .containsExactly(a.sessions().get(4));

        // Attendance: 12 held sessions x 6 people = 72. Absent: Adams' residency teacher at 2 (substitute not filled) and 4
        // (filled), Adams' principal at 3 (needs none), Baker's studio teacher at 1 and residency teacher at 5 (not filled).
        assertThat(attendance(report, d + "attendance.all")).containsExactly(72, 67, 5, 3, 67.0 / 72);
        assertThat(attendanceGroups(report, d + "attendance.byRole")).containsExactly(
                entry("CONSULTANT", List.of(12, 12, 0, 0, 1.0)), entry("LITERACY_COACH", List.of(12, 12, 0, 0, 1.0)),
                entry("PRINCIPAL", List.of(24, 23, 1, 0, 23.0 / 24)), entry("RESIDENCY_TEACHER", List.of(12, 9, 3, 2, 0.75)),
                entry("STUDIO_TEACHER", List.of(12, 11, 1, 1, 11.0 / 12)));
        assertThat(attendanceGroups(report, d + "attendance.bySchool")).containsOnly(
                entry(id(a.pairing().studioSchoolId()), List.of(18, 17, 1, 0, 17.0 / 18)),
                entry(id(a.pairing().residencySchoolId()), List.of(12, 10, 2, 1, 10.0 / 12)),
                entry(id(b.pairing().studioSchoolId()), List.of(18, 17, 1, 1, 17.0 / 18)),
                entry(id(b.pairing().residencySchoolId()), List.of(12, 11, 1, 1, 11.0 / 12)));

        // Evaluations: 1: 3, 4, 5; 2: 4, 2, 4; 6: 5, 4; end of year: 5, 4, 3.
        assertThat(ratings(report, d + "evaluations.bySessionNumber")).containsExactly(List.of(1, 3, 4.0), List.of(2, 3, 10.0 / 3), List.of(6, 2, 4.5));
        assertThat(report.getInt(d + "evaluations.endOfYear.ratings")).isEqualTo(3);
        assertThat(report.getDouble(d + "evaluations.endOfYear.averageRating")).isEqualTo(4.0);

        // Building ownership: plans by principals at Adams 1-4 and Baker 2, by the district office at Adams 5 and Baker 1.
        assertThat(ownership(report, d + "buildingOwnership")).containsExactly(12, 5, 2, 0, 5, 5.0 / 7);
    }

    @Test
    void shouldReportEachPairingAndEachSchoolWithTheirOwnPeople() {
        JsonPath report = report(TestInfrastructure.token("viewer"));
        assertThat(report.getList("pairings.label")).containsExactly("Adams Elementary / Residency of Adams Elementary",
                "Baker Elementary / Residency of Baker Elementary");
        String adams = "pairings.find { it.pairingId == '" + a.pairing().pairingId() + "' }.figures.";
        String baker = "pairings.find { it.pairingId == '" + b.pairing().pairingId() + "' }.figures.";

        // Adams: steps a1-a6 (days 14 33 28 28 -> 28); Baker: b1-b3 (days 19 18 -> 18.5).
        assertThat(steps(report, adams + "followThrough.all")).containsExactly(6, 2, 2, 1, 1, 1, 28.0);
        assertThat(steps(report, baker + "followThrough.all")).containsExactly(3, 2, 0, 1, 0, 2, 18.5);
        assertThat(release(report, adams)).containsExactly(List.of(1, 1, 1, 0, 1, 0.0), List.of(2, 1, 2, 0, 2, 0.0),
                List.of(3, 1, 2, 1, 1, 0.5), List.of(4, 1, 2, 1, 1, 0.5), List.of(5, 1, 2, 2, 0, 1.0), List.of(6, 1, 2, 2, 0, 1.0));
        assertThat(report.getList(baker + "gradualRelease.movedToDemonstrating.staffId")).containsExactly(id(b.studioTeacher()));
        assertThat(attendance(report, adams + "attendance.all")).containsExactly(36, 33, 3, 1, 33.0 / 36);
        assertThat(ratings(report, adams + "evaluations.bySessionNumber")).containsExactly(List.of(1, 2, 3.5), List.of(2, 1, 4.0), List.of(6, 2, 4.5));
        assertThat(report.getDouble(adams + "evaluations.endOfYear.averageRating")).isEqualTo(4.5);
        assertThat(ratings(report, baker + "evaluations.bySessionNumber")).containsExactly(List.of(1, 1, 5.0), List.of(2, 2, 3.0));
        assertThat(report.getDouble(baker + "evaluations.endOfYear.averageRating")).isEqualTo(3.0);
        assertThat(ownership(report, adams + "buildingOwnership")).containsExactly(6, 4, 1, 0, 1, 0.8);
        assertThat(ownership(report, baker + "buildingOwnership")).containsExactly(6, 1, 1, 0, 4, 0.5);

        // Avon (Adams' residency school): its own people only. Demonstrations by Avon's staff: its residency teacher at 5.
        String avon = "schools.find { it.schoolId == '" + a.pairing().residencySchoolId() + "' }.figures.";
        assertThat(report.getList("schools")).hasSize(4);
        assertThat(release(report, avon)).containsExactly(List.of(1, 1, 1, 0, 1, 0.0), List.of(2, 1, 2, 0, 2, 0.0),
                List.of(3, 1, 2, 0, 1, 0.0), List.of(4, 1, 2, 0, 1, 0.0), List.of(5, 1, 2, 1, 0, 0.5), List.of(6, 1, 2, 0, 0, 0.0));
        assertThat(report.getList(avon + "gradualRelease.movedToDemonstrating.staffId")).containsExactly(id(a.residencyTeacher()));
        assertThat(steps(report, avon + "followThrough.all")).containsExactly(2, 0, 1, 0, 1, 0, 33.0);
        assertThat(attendance(report, avon + "attendance.all")).containsExactly(12, 10, 2, 1, 10.0 / 12);
        assertThat(ratings(report, avon + "evaluations.bySessionNumber")).containsExactly(List.of(1, 1, 4.0));
        assertThat(report.getDouble(avon + "evaluations.endOfYear.averageRating")).isEqualTo(4.0);
        assertThat(ownership(report, avon + "buildingOwnership")).containsExactly(6, 4, 1, 0, 1, 0.8);
    }

    @Test
    void shouldShowAPrincipalOnlyTheirSchoolAndItsPairing() {
        JsonPath avon = report(a.residencyPrincipalToken());
        assertThat((Object) avon.get("district")).isNull();
        assertThat(avon.getList("pairings.pairingId")).containsExactly(id(a.pairing().pairingId()));
        assertThat(avon.getList("schools.schoolId")).containsExactly(id(a.pairing().residencySchoolId()));

        JsonPath elsewhere = report(TestInfrastructure.principalToken(UUID.randomUUID().toString()));
        assertThat(elsewhere.getList("pairings")).isEmpty();
        assertThat(elsewhere.getList("schools")).isEmpty();

        given().auth().oauth2(TestInfrastructure.token("hr-system")).get("/reports/learning-loop?schoolYearId=" + district.schoolYearId)
                .then().statusCode(403);
        given().auth().oauth2(ADMIN).get("/reports/learning-loop").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(ADMIN).get("/reports/learning-loop?schoolYearId=" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        String csv = given().auth().oauth2(a.residencyPrincipalToken()).get("/reports/learning-loop/export?schoolYearId=" + district.schoolYearId)
                .then().statusCode(200).extract().asString();
        assertThat(csv).doesNotContain("DISTRICT,").doesNotContain(b.pairing().pairingId().toString());
    }

    @Test
    void shouldExportTheSameFiguresAsCsv() {
        JsonPath report = report(ADMIN);
        String csv = given().auth().oauth2(ADMIN).get("/reports/learning-loop/export?schoolYearId=" + district.schoolYearId)
                .then().statusCode(200).contentType("text/csv").extract().asString();
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo("scope,scope_id,scope_name,figure,group,value");
        assertThat(lines).contains("DISTRICT,,District,follow_through.median_days_to_close,,23.5",
                "DISTRICT,,District,gradual_release.school_staff_share,session=3," + (1.0 / 3),
                "DISTRICT,,District,attendance.absent_with_unfilled_substitute,,3",
                "DISTRICT,,District,building_ownership.principal_share,," + (5.0 / 7),
                "DISTRICT,,District,follow_through.closed_late,owner_role=TEACHER,2",
                "DISTRICT,,District,evaluations.average_rating,end_of_year,4.0");
        // Each district figure of the JSON is a row of the CSV with the same value.
        assertThat(lines).contains("DISTRICT,,District,attendance.rate,," + report.getDouble("district.attendance.all.attendanceRate"),
                "DISTRICT,,District,evaluations.average_rating,session=2," + report.getDouble("district.evaluations.bySessionNumber[1].averageRating"));
        assertThat(lines.stream().filter(l -> l.startsWith("PAIRING,")).map(l -> l.split(",")[1]).collect(Collectors.toSet()))
                .isEqualTo(Set.of(id(a.pairing().pairingId()), id(b.pairing().pairingId())));
    }

    @Test
    void shouldRenderAPageWhoseEveryFigureEqualsTheJson() throws Exception {
        JsonPath report = report(ADMIN);
        String page = given().auth().oauth2(ADMIN).get("/reports/learning-loop/page?schoolYearId=" + district.schoolYearId)
                .then().statusCode(200).contentType("text/html").extract().asString();
        // Well-formed (HTML written as XML), so the SVG charts are well-formed too.
        javax.xml.parsers.DocumentBuilderFactory xml = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        assertThat(xml.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(page.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .getElementsByTagName("svg").getLength()).isGreaterThan(0);
        java.util.regex.Matcher figure = java.util.regex.Pattern.compile("data-figure=\"([^\"]+)\" data-value=\"([^\"]*)\"").matcher(page);
        int figures = 0;
        while (figure.find()) {
            Object json = report.get(figure.group(1));
            assertThat(figure.group(2)).as(figure.group(1)).isEqualTo(json == null ? "" : json.toString());
            figures++;
        }
        assertThat(figures).isGreaterThan(200);
        assertThat(page).contains("href=\"/sessions/" + a.sessions().get(4) + "/record\"");
        // Kept for the documented headless-browser check (README, "The learning-loop report").
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "learning-loop-report.html"), page);
    }

    @Test
    void shouldMarkAPersonsFirstPublicDemonstrationAndKeepEachStepsHistoryWithItsEvidence() {
        given().auth().oauth2(ADMIN).get("/sessions/" + a.sessions().get(2) + "/learning-activity").then().statusCode(200)
                .body("problemPresentedBy", org.hamcrest.Matchers.equalTo("HOST_TEAM"))
                .body("demonstrations.find { it.staffId == '" + a.studioTeacher().staffId() + "' }.firstPublicDemonstration",
                        org.hamcrest.Matchers.equalTo(true));
        given().auth().oauth2(ADMIN).get("/sessions/" + a.sessions().get(3) + "/learning-activity").then().statusCode(200)
                .body("problemPresentedBy", org.hamcrest.Matchers.equalTo("RESIDENCY_TEAM"))
                .body("presentingSchoolId", org.hamcrest.Matchers.equalTo(id(a.pairing().residencySchoolId())))
                .body("demonstrations.find { it.staffId == '" + a.studioTeacher().staffId() + "' }.firstPublicDemonstration",
                        org.hamcrest.Matchers.equalTo(false));

        given().auth().oauth2(ADMIN).get("/next-steps/" + steps.get("a1") + "/history").then().statusCode(200)
                .body("status", org.hamcrest.Matchers.contains("DONE"))
                .body("[0].evidence", org.hamcrest.Matchers.equalTo("Tried turn-and-talk in 2 read-alouds; 18 of 24 students talked"));
        given().auth().oauth2(ADMIN).get("/next-steps/" + steps.get("a1")).then().statusCode(200)
                .body("kind", org.hamcrest.Matchers.equalTo("TRY_IN_CLASSROOM"))
                .body("evidence", org.hamcrest.Matchers.equalTo("Tried turn-and-talk in 2 read-alouds; 18 of 24 students talked"));
        given().auth().oauth2(ADMIN).get("/next-steps/" + steps.get("b2") + "/history").then().statusCode(200)
                .body("status", org.hamcrest.Matchers.contains("IN_PROGRESS")).body("[0].byRole", org.hamcrest.Matchers.equalTo("principal"));
    }

    @Test
    void shouldRefuseLearningActivityThatDoesNotFitTheTeamNamingEachField() {
        String session = a.sessions().get(0);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"problemPresentedBy\":\"HOST_TEAM\",\"debriefLedByStaffId\":\"" + UUID.randomUUID() + "\",\"demonstrations\":["
                        + demo(b.studioTeacher(), "STUDIO_TEACHER", "LIVE_LESSON") + "," + demo(a.residencyTeacher(), "STUDIO_TEACHER", "LIVE_LESSON") + "]}")
                .header("If-Match", IfMatch.session(session)).put("/sessions/" + session + "/learning-activity")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("debriefLedByStaffId", "demonstrations[0].staffId", "demonstrations[1].role"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"problemPresentedBy\":\"SOMEONE\",\"demonstrations\":[]}")
                .header("If-Match", IfMatch.session(session)).put("/sessions/" + session + "/learning-activity")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"problemPresentedBy\":\"HOST_TEAM\",\"demonstrations\":[]}")
                .put("/sessions/" + session + "/learning-activity").then().statusCode(428);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"problemPresentedBy\":\"HOST_TEAM\",\"demonstrations\":[]}")
                .header("If-Match", "\"999\"").put("/sessions/" + session + "/learning-activity").then().statusCode(412);
        given().auth().oauth2(a.studioPrincipalToken()).contentType(ContentType.JSON).body("{\"problemPresentedBy\":\"HOST_TEAM\",\"demonstrations\":[]}")
                .header("If-Match", IfMatch.session(session)).put("/sessions/" + session + "/learning-activity").then().statusCode(403);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"status\":\"IN_PROGRESS\",\"evidence\":\"half done\"}")
                .header("If-Match", IfMatch.nextStep(steps.get("a4"))).put("/next-steps/" + steps.get("a4") + "/status")
                .then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.equalTo("evidence"));
    }

    @Test
    void shouldPublishEachPairingsSnapshotWithTheReportsFigures() {
        supervised();
        JsonPath report = report(ADMIN);
        // A Saturday in April, after a6 was closed (April 8).
        OffsetDateTime asOf = OffsetDateTime.parse("2027-04-10T19:00:00Z");
        assertThat(snapshots.publish(district.schoolYearId, asOf)).isEqualTo(2);

        com.fasterxml.jackson.databind.JsonNode event = org.studioresidency.session.event.EventShapes.report(
                id(a.pairing().pairingId()), org.studioresidency.session.event.ReportEvents.LEARNING_LOOP_SNAPSHOT);
        org.studioresidency.session.event.EventShapes.assertSameFieldsAsExample(event, org.studioresidency.session.event.ReportEvents.LEARNING_LOOP_SNAPSHOT);
        assertThat(event.get("subject").asText()).isEqualTo("pairings/" + a.pairing().pairingId());
        com.fasterxml.jackson.databind.JsonNode data = event.get("data");
        assertThat(data.get("schoolYearId").asText()).isEqualTo(id(district.schoolYearId));
        assertThat(data.get("label").asText()).isEqualTo("Adams Elementary / Residency of Adams Elementary");
        assertThat(OffsetDateTime.parse(data.get("asOf").asText())).isEqualTo(asOf);
        assertThat(OffsetDateTime.parse(data.get("since").asText())).isEqualTo(asOf.minusDays(7));
        assertThat(data.get("leader").get("staffId").asText()).isEqualTo(id(leader));
        assertThat(data.get("leader").get("email").asText()).isEqualTo(leader.email());
        assertThat(data.get("reportUrl").asText())
                .isEqualTo("https://portal.test.district.example/sessions/reports/learning-loop/page?schoolYearId=" + district.schoolYearId);

        // The gradual-release lines are the report's: the pairing's and the district's.
        String adams = "pairings.find { it.pairingId == '" + a.pairing().pairingId() + "' }.figures.";
        assertThat(release(data.get("gradualRelease"))).isEqualTo(release(report, adams));
        assertThat(release(data.get("district").get("gradualRelease"))).isEqualTo(release(report, "district."));

        // Each school's open steps are the report's stillOpen. As of April 10: Adams has a4 open (due Nov 5, so overdue)
        // and a6 closed on April 8, within the 7 days; Avon has nothing open (a2 done, a5 dropped) and closed nothing since.
        List<List<Object>> schools = new ArrayList<>();
        data.get("schools").forEach(s -> schools.add(List.of(s.get("schoolId").asText(), s.get("part").asText(), s.get("open").asInt(),
                s.get("overdue").asInt(), s.get("closedSince").asInt())));
        assertThat(schools).containsExactly(
                List.of(id(a.pairing().studioSchoolId()), "STUDIO", 1, 1, 1),
                List.of(id(a.pairing().residencySchoolId()), "RESIDENCY", 0, 0, 0));
        for (com.fasterxml.jackson.databind.JsonNode school : data.get("schools")) {
            assertThat(school.get("open").asInt()).as(school.get("name").asText())
                    .isEqualTo(report.getInt("schools.find { it.schoolId == '" + school.get("schoolId").asText() + "' }.figures.followThrough.all.stillOpen"));
        }
        // District medians over its four schools: open 1, 0, 0, 1 (Birch has b2 in progress, due Nov 5) -> 0.5; overdue the
        // same -> 0.5; closed in the window 1, 0, 0, 0 -> 0.
        com.fasterxml.jackson.databind.JsonNode inDistrict = data.get("district");
        assertThat(inDistrict.get("schools").asInt()).isEqualTo(4);
        assertThat(inDistrict.get("followThroughMedian").get("open").asDouble()).isEqualTo(0.5);
        assertThat(inDistrict.get("followThroughMedian").get("overdue").asDouble()).isEqualTo(0.5);
        assertThat(inDistrict.get("followThroughMedian").get("closedSince").asDouble()).isEqualTo(0.0);

        // A week later a6 has left the window; a dissolved pairing has no snapshot.
        LearningLoopSnapshot later = snapshots.snapshots(district.schoolYearId, asOf.plusDays(7)).get(0);
        assertThat(later.schools().get(0).closedSince()).isZero();
        district.dissolve(b.pairing(), "Baker leaves the programme");
        assertThat(snapshots.snapshots(district.schoolYearId, asOf)).extracting(LearningLoopSnapshot::pairingId)
                .containsExactly(a.pairing().pairingId());
    }

    @Test
    void shouldLetOnlyTheDistrictOfficePublishSnapshotsOnDemand() {
        supervised();
        String path = "/reports/learning-loop/snapshots?schoolYearId=" + district.schoolYearId;
        given().auth().oauth2(a.studioPrincipalToken()).post(path).then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestInfrastructure.token("viewer")).post(path).then().statusCode(403);
        given().auth().oauth2(ADMIN).post("/reports/learning-loop/snapshots?schoolYearId=" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(ADMIN).post(path).then().statusCode(202).body("published", org.hamcrest.Matchers.equalTo(2));
        assertThat(org.studioresidency.session.event.EventShapes.report(id(b.pairing().pairingId()),
                org.studioresidency.session.event.ReportEvents.LEARNING_LOOP_SNAPSHOT).get("data").get("leader").get("staffId").asText())
                .isEqualTo(id(leader));
    }

    // The year ------------------------------------------------------------------------------------------------------

    private void adamsYear() {
        List<String> s = a.sessions();
        plan(s.get(0), a.studioPrincipalToken());
        plan(s.get(1), a.studioPrincipalToken());
        plan(s.get(2), a.studioPrincipalToken());
        plan(s.get(3), a.residencyPrincipalToken());
        plan(s.get(4), ADMIN);
        hold(a, 0);
        hold(a, 1, a.residencyTeacher());
        hold(a, 2, a.principal());
        hold(a, 3, a.residencyTeacher());
        hold(a, 4);
        hold(a, 5);
        filled(s.get(3), a.residencyTeacher());
        activity(s.get(0), "HOST_TEAM", demo(a.consultant(), "CONSULTANT", "LIVE_LESSON"));
        activity(s.get(1), "HOST_TEAM", demo(a.consultant(), "CONSULTANT", "LIVE_LESSON"), demo(a.consultant(), "CONSULTANT", "CONFERRING"));
        activity(s.get(2), "HOST_TEAM", demo(a.consultant(), "CONSULTANT", "LIVE_LESSON"),
                demo(a.studioTeacher(), "STUDIO_TEACHER_WITH_COACH", "VIDEO_SEGMENT"));
        activity(s.get(3), "RESIDENCY_TEAM", demo(a.studioTeacher(), "STUDIO_TEACHER", "CONFERRING"), demo(a.consultant(), "CONSULTANT", "CO_TEACHING"));
        activity(s.get(4), "HOST_TEAM", demo(a.studioTeacher(), "STUDIO_TEACHER", "LIVE_LESSON"),
                demo(a.residencyTeacher(), "RESIDENCY_TEACHER", "CONFERRING"));
        activity(s.get(5), "HOST_TEAM", demo(a.coach(), "COACH", "LIVE_LESSON"), demo(a.studioTeacher(), "STUDIO_TEACHER", "LIVE_LESSON"));
        summarise(s.get(0), "READ_ALOUD", "Students do not talk about books",
                step("a1", "TRY_IN_CLASSROOM", a.studioTeacher(), "2026-10-08"), step("a2", "PLAN_OR_COTEACH_WITH_COACH", a.residencyTeacher(), "2026-10-08"));
        summarise(s.get(1), "READ_ALOUD", "Students do not talk about books.",
                step("a3", "STUDY_A_TEXT", a.coach(), "2026-11-05"), step("a4", "LEADERSHIP_ACTION", a.principal(), "2026-11-05"));
        summarise(s.get(2), "INDEPENDENT_READING", "Conferring feels like interrogation",
                step("a5", "BRING_EVIDENCE", a.residencyTeacher(), "2026-12-10"));
        summarise(s.get(3), "INDEPENDENT_READING", "Conferring feels like interrogation");
        summarise(s.get(4), "WRITING_WORKSHOP", "Writers stall after the first page");
        summarise(s.get(5), "INDEPENDENT_READING", "Readers abandon books", step("a6", "TRY_IN_CLASSROOM", a.studioTeacher(), "2027-04-01"));
        close("a1", "DONE", "Tried turn-and-talk in 2 read-alouds; 18 of 24 students talked", a.studioPrincipalToken(), "2026-10-01T18:00:00Z");
        close("a2", "DONE", null, a.residencyPrincipalToken(), "2026-10-20T18:00:00Z");
        close("a3", "DONE", null, ADMIN, "2026-11-12T18:00:00Z");
        close("a5", "DROPPED", "Moved to the conferring work instead", ADMIN, "2026-12-01T18:00:00Z");
        close("a6", "DONE", "Conferring log for 3 weeks", ADMIN, "2027-04-08T18:00:00Z");
        evaluate(s.get(0), a.studioTeacher(), 3);
        evaluate(s.get(0), a.residencyTeacher(), 4);
        evaluate(s.get(1), a.studioTeacher(), 4);
        evaluate(s.get(5), a.studioTeacher(), 5);
        evaluate(s.get(5), a.coach(), 4);
        endOfYear(a, a.studioTeacher(), 5);
        endOfYear(a, a.residencyTeacher(), 4);
    }

    private void bakerYear() {
        List<String> s = b.sessions();
        plan(s.get(0), ADMIN);
        plan(s.get(1), b.residencyPrincipalToken());
        hold(b, 0, b.studioTeacher());
        hold(b, 1);
        hold(b, 2);
        hold(b, 3);
        hold(b, 4, b.residencyTeacher());
        hold(b, 5);
        activity(s.get(0), "HOST_TEAM", demo(b.consultant(), "CONSULTANT", "LIVE_LESSON"));
        activity(s.get(1), "RESIDENCY_TEAM", demo(b.consultant(), "CONSULTANT", "LIVE_LESSON"));
        activity(s.get(2), "HOST_TEAM", demo(b.consultant(), "CONSULTANT", "VIDEO_SEGMENT"));
        activity(s.get(3), "HOST_TEAM", demo(b.consultant(), "CONSULTANT", "LIVE_LESSON"),
                demo(b.studioTeacher(), "STUDIO_TEACHER_WITH_COACH", "CO_TEACHING"));
        activity(s.get(4), "HOST_TEAM", demo(b.consultant(), "CONSULTANT", "LIVE_LESSON"));
        activity(s.get(5), "HOST_TEAM", demo(b.studioTeacher(), "STUDIO_TEACHER", "LIVE_LESSON"));
        summarise(s.get(0), "READ_ALOUD", "students do not talk about books", step("b1", "TRY_IN_CLASSROOM", b.studioTeacher(), "2026-10-08"));
        summarise(s.get(1), "SHARED_READING", "Emergent readers rely on pictures",
                step("b2", "TRY_IN_CLASSROOM", b.residencyTeacher(), "2026-11-05"));
        summarise(s.get(2), "READ_ALOUD", "Turn-and-talk is silent");
        summarise(s.get(3), "INDEPENDENT_READING", "Conferring feels like interrogation",
                step("b3", "LEADERSHIP_ACTION", b.residencyPrincipal(), "2027-02-04"));
        summarise(s.get(4), "SHARED_READING", "Emergent readers rely on pictures");
        summarise(s.get(5), "INDEPENDENT_READING", "Readers abandon books");
        close("b1", "DONE", "Two read-alouds with stop-and-jot", ADMIN, "2026-10-06T18:00:00Z");
        close("b2", "IN_PROGRESS", null, b.residencyPrincipalToken(), "2026-10-30T18:00:00Z");
        close("b3", "DONE", "Master schedule shows a common planning block", b.residencyPrincipalToken(), "2027-02-01T18:00:00Z");
        evaluate(s.get(0), b.studioTeacher(), 5);
        evaluate(s.get(1), b.residencyTeacher(), 2);
        evaluate(s.get(1), b.studioTeacher(), 4);
        endOfYear(b, b.studioTeacher(), 3);
    }

    // Building blocks, through the API ---------------------------------------------------------------------------------

    /**
     * One central-office leader joins both teams after the year was recorded, so the hand-worked figures (attendance
     * lists each session's team) stay as they are.
     */
    private void supervised() {
        leader = DistrictFixture.member("Leader of Adams and Baker", "CENTRAL_OFFICE_LEADER", null, "CENTRAL_OFFICE_LEADER");
        for (Team t : List.of(a, b)) {
            List<PairingService.Member> team = new ArrayList<>(t.pairing().team());
            team.add(leader);
            district.changeTeam(t.pairing(), 3, team);
        }
    }

    private Team team(String studioSchool, String halfDay) {
        DistrictFixture.Pairing pairing = district.pairing(studioSchool, DistrictFixture.consultant("Consultant of " + studioSchool));
        PairingService.Member coach = DistrictFixture.member("Coach of " + studioSchool, "LITERACY_COACH_PRIMARY", pairing.studioSchoolId(), "LITERACY_COACH");
        PairingService.Member residencyPrincipal = DistrictFixture.member("Principal visiting " + studioSchool, "PRINCIPAL", pairing.residencySchoolId(),
                "PRINCIPAL");
        List<PairingService.Member> team = new ArrayList<>(pairing.team());
        team.add(coach);
        team.add(residencyPrincipal);
        pairing = district.changeTeam(pairing, 2, team);
        List<String> sessions = new ArrayList<>();
        for (String date : DATES) {
            sessions.add(given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                    .body("{\"pairingId\":\"" + pairing.pairingId() + "\",\"date\":\"" + date + "\",\"halfDay\":\"" + halfDay + "\"}")
                    .post("/sessions").then().statusCode(201).extract().path("sessionId"));
        }
        return new Team(pairing, team.get(0), team.get(1), team.get(2), team.get(3), coach, residencyPrincipal, sessions);
    }

    private void plan(String session, String token) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"focus\":\"READ_ALOUD\",\"problemOfPractice\":\"To agree\",\"plan\":\"Room 12\"}")
                .header("If-Match", IfMatch.session(session)).put("/sessions/" + session + "/pre-visit-plan").then().statusCode(200);
    }

    private void hold(Team team, int index, PairingService.Member... absent) {
        Set<UUID> away = java.util.Arrays.stream(absent).map(PairingService.Member::staffId).collect(Collectors.toSet());
        String presence = team.everyone().stream().map(m -> "{\"staffId\":\"" + m.staffId() + "\",\"present\":" + !away.contains(m.staffId()) + "}")
                .collect(Collectors.joining(","));
        String session = team.sessions().get(index);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"attendance\":[" + presence + "]}")
                .header("If-Match", IfMatch.session(session)).post("/sessions/" + session + "/held").then().statusCode(200);
    }

    private static String demo(PairingService.Member by, String role, String form) {
        return "{\"staffId\":\"" + by.staffId() + "\",\"role\":\"" + role + "\",\"form\":\"" + form + "\",\"what\":\"" + form + " by " + by.name() + "\"}";
    }

    private void activity(String session, String presentedBy, String... demonstrations) {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"problemPresentedBy\":\"" + presentedBy + "\",\"demonstrations\":[" + String.join(",", demonstrations) + "]}")
                .header("If-Match", IfMatch.session(session)).put("/sessions/" + session + "/learning-activity").then().statusCode(200);
    }

    private static String step(String label, String kind, PairingService.Member owner, String due) {
        return "{\"description\":\"" + label + "\",\"kind\":\"" + kind + "\",\"ownerStaffId\":\"" + owner.staffId() + "\",\"dueDate\":\"" + due + "\"}";
    }

    private void summarise(String session, String focus, String problem, String... nextSteps) {
        JsonPath record = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"focus\":\"" + focus + "\",\"problemOfPractice\":\"" + problem + "\",\"nextSteps\":[" + String.join(",", nextSteps) + "]}")
                .header("If-Match", IfMatch.session(session)).post("/sessions/" + session + "/summary").then().statusCode(200).extract().jsonPath();
        for (Map<String, Object> step : record.<Map<String, Object>>getList("nextSteps")) {
            steps.put((String) step.get("description"), (String) step.get("nextStepId"));
        }
    }

    /** Changes the step's status through the API, then dates the change when the scenario says it happened. */
    private void close(String label, String status, String evidence, String token, String at) {
        String id = steps.get(label);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(evidence == null ? "{\"status\":\"" + status + "\"}" : "{\"status\":\"" + status + "\",\"evidence\":\"" + evidence + "\"}")
                .header("If-Match", IfMatch.nextStep(id)).put("/next-steps/" + id + "/status").then().statusCode(200);
        OffsetDateTime when = OffsetDateTime.parse(at);
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("UPDATE next_step SET closed_at = :at WHERE id = :id AND closed_at IS NOT NULL")
                    .setParameter("at", when).setParameter("id", UUID.fromString(id)).executeUpdate();
            em.createNativeQuery("UPDATE next_step SET status_changed_at = :at WHERE id = :id")
                    .setParameter("at", when).setParameter("id", UUID.fromString(id)).executeUpdate();
            em.createNativeQuery("UPDATE next_step_status_change SET at = :at WHERE next_step_id = :id")
                    .setParameter("at", when).setParameter("id", UUID.fromString(id)).executeUpdate();
        });
    }

    /** The HR system filled the teacher's substitute job. */
    private void filled(String session, PairingService.Member teacher) {
        int updated = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "UPDATE coverage_request SET status = 'FILLED', substitute_name = 'Sub' WHERE session_id = :s AND staff_id = :t AND status <> 'CANCELLED'")
                .setParameter("s", UUID.fromString(session)).setParameter("t", teacher.staffId()).executeUpdate());
        assertThat(updated).isEqualTo(1);
    }

    private void evaluate(String session, PairingService.Member who, int rating) {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"staffId\":\"" + who.staffId() + "\",\"rating\":" + rating + "}")
                .post("/sessions/" + session + "/evaluations").then().statusCode(204);
    }

    private void endOfYear(Team team, PairingService.Member who, int rating) {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"staffId\":\"" + who.staffId() + "\",\"rating\":" + rating + "}")
                .post("/pairings/" + team.pairing().pairingId() + "/evaluations").then().statusCode(204);
    }

    // Reading the report -----------------------------------------------------------------------------------------------

    private JsonPath report(String token) {
        return given().auth().oauth2(token).get("/reports/learning-loop?schoolYearId=" + district.schoolYearId)
                .then().statusCode(200).extract().jsonPath()
                .using(new io.restassured.path.json.config.JsonPathConfig(io.restassured.path.json.config.JsonPathConfig.NumberReturnType.DOUBLE));
    }

    /** A UUID as the JSON has it; for a person, their staff id. */
    private static String id(Object uuidOrMember) {
        return uuidOrMember instanceof PairingService.Member m ? m.staffId().toString() : uuidOrMember.toString();
    }

    private static List<List<Object>> release(JsonPath report, String scope) {
        return report.<Map<String, Object>>getList(scope + "gradualRelease.bySessionNumber").stream()
                .map(p -> List.of(p.get("sessionNumber"), p.get("sessions"), p.get("demonstrations"), p.get("bySchoolStaff"), p.get("byConsultant"),
                        number(p.get("schoolStaffShare")))).toList();
    }

    /** A snapshot's gradual-release line in the form of {@link #release(JsonPath, String)}. */
    private static List<List<Object>> release(com.fasterxml.jackson.databind.JsonNode points) {
        List<List<Object>> out = new ArrayList<>();
        points.forEach(p -> out.add(java.util.Arrays.asList(p.get("sessionNumber").asInt(), p.get("sessions").asInt(), p.get("demonstrations").asInt(),
                p.get("bySchoolStaff").asInt(), p.get("byConsultant").asInt(), p.get("schoolStaffShare").isNull() ? null : p.get("schoolStaffShare").asDouble())));
        return out;
    }

    private static List<Object> steps(JsonPath report, String path) {
        return stepCounts(report.getMap(path));
    }

    private static List<Object> stepCounts(Map<String, Object> c) {
        return java.util.Arrays.asList(c.get("opened"), c.get("closedByNextVisit"), c.get("closedLate"), c.get("stillOpen"), c.get("dropped"),
                c.get("evidenceBroughtBack"), number(c.get("medianDaysToClose")));
    }

    @SuppressWarnings("unchecked")
    private static List<Map.Entry<String, List<Object>>> groups(JsonPath report, String path) {
        return report.<Map<String, Object>>getList(path).stream()
                .map(g -> Map.entry((String) g.get("key"), stepCounts((Map<String, Object>) g.get("counts")))).toList();
    }

    private static List<Object> attendance(JsonPath report, String path) {
        return attendanceCounts(report.getMap(path));
    }

    private static List<Object> attendanceCounts(Map<String, Object> c) {
        return List.of(c.get("expected"), c.get("present"), c.get("absent"), c.get("absentWithUnfilledSubstitute"), number(c.get("attendanceRate")));
    }

    @SuppressWarnings("unchecked")
    private static List<Map.Entry<String, List<Object>>> attendanceGroups(JsonPath report, String path) {
        return report.<Map<String, Object>>getList(path).stream()
                .map(g -> Map.entry((String) g.get("key"), attendanceCounts((Map<String, Object>) g.get("counts")))).toList();
    }

    private static List<List<Object>> ratings(JsonPath report, String path) {
        return report.<Map<String, Object>>getList(path).stream()
                .map(r -> List.of(r.get("sessionNumber"), r.get("ratings"), number(r.get("averageRating")))).toList();
    }

    private static List<Object> ownership(JsonPath report, String path) {
        Map<String, Object> o = report.getMap(path);
        return List.of(o.get("sessions"), o.get("planRecordedByPrincipal"), o.get("planRecordedByDistrictOffice"), o.get("planRecordedByUnknown"),
                o.get("noPlan"), number(o.get("principalShare")));
    }

    /** JSON numbers as doubles (RestAssured reads 0.5 as a float or double, 1.0 as a double); null stays null. */
    private static Object number(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }
}
