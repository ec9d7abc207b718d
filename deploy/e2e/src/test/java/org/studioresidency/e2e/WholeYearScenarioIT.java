package org.studioresidency.e2e;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.studioresidency.e2e.client.notification.api.WeeklyDigestsApi;
import org.studioresidency.e2e.client.pairing.ApiResponse;
import org.studioresidency.e2e.client.pairing.api.ImportsApi;
import org.studioresidency.e2e.client.pairing.api.MatchingApi;
import org.studioresidency.e2e.client.pairing.api.PairingsApi;
import org.studioresidency.e2e.client.pairing.api.SchoolYearsApi;
import org.studioresidency.e2e.client.pairing.api.SchoolsApi;
import org.studioresidency.e2e.client.pairing.api.StaffApi;
import org.studioresidency.e2e.client.pairing.api.StudioDesignationApi;
import org.studioresidency.e2e.client.pairing.model.ConfirmationRequest;
import org.studioresidency.e2e.client.pairing.model.DesignationRequest;
import org.studioresidency.e2e.client.pairing.model.MatchingRequest;
import org.studioresidency.e2e.client.pairing.model.MemberRequest;
import org.studioresidency.e2e.client.pairing.model.PairingResponse;
import org.studioresidency.e2e.client.pairing.model.ProposalResponse;
import org.studioresidency.e2e.client.pairing.model.SchoolResponse;
import org.studioresidency.e2e.client.pairing.model.SchoolYearRequest;
import org.studioresidency.e2e.client.pairing.model.StaffResponse;
import org.studioresidency.e2e.client.pairing.model.TeamRequest;
import org.studioresidency.e2e.client.pairing.model.TeamRole;
import org.studioresidency.e2e.client.session.api.DistrictCalendarApi;
import org.studioresidency.e2e.client.session.api.PlanningApi;
import org.studioresidency.e2e.client.session.api.SessionRecordsApi;
import org.studioresidency.e2e.client.session.api.SessionsApi;
import org.studioresidency.e2e.client.session.api.SubstituteCoverageApi;
import org.studioresidency.e2e.client.session.model.CoverageResponse;
import org.studioresidency.e2e.client.session.model.Focus;
import org.studioresidency.e2e.client.session.model.Held;
import org.studioresidency.e2e.client.session.model.Member;
import org.studioresidency.e2e.client.session.model.NextStepRequest;
import org.studioresidency.e2e.client.session.model.PlanningJobResponse;
import org.studioresidency.e2e.client.session.model.Presence;
import org.studioresidency.e2e.client.session.model.SessionListItem;
import org.studioresidency.e2e.client.session.model.SessionResponse;
import org.studioresidency.e2e.client.session.model.StartPlanning;
import org.studioresidency.e2e.client.session.model.SummaryRequest;
import org.studioresidency.local.LocalStack;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.studioresidency.e2e.PortalClients.etag;

/**
 * A district's year through the whole system as the portal would run it, through the clients generated from the
 * services' OpenAPI documents (no hand-written HTTP for the portal's calls): import the directory from OneRoster,
 * designate studios, match and confirm pairings, import the calendar, plan and publish the year, substitutes
 * requested from and filled by the HR sandbox, hold and summarise a session, and see the principals' summary and
 * weekly digest emails and the calendar feed. Three calls stay plain HTTP: the mail catcher is no service, the feed
 * is for calendar applications (text/calendar, which the generated client reads only as JSON), and the OneRoster
 * upload's form takes three files or a bundle, while the generated client always sends every file part.
 */
class WholeYearScenarioIT {

    private final LocalStack stack = RunningSystem.get();
    private final String admin = stack.identity().token("e2e-central-office", "district-admin", null);
    private final PortalClients clients = new PortalClients(stack, admin);
    private final String p = "Y" + UUID.randomUUID().toString().substring(0, 6);

    @Test
    void shouldCarryADistrictsYearFromTheDirectoryToThePrincipalsInbox() throws Exception {
        UUID year = new SchoolYearsApi(clients.pairing).createSchoolYear(new SchoolYearRequest().name("2031-32")
                .firstDay(LocalDate.parse("2031-08-25")).lastDay(LocalDate.parse("2032-06-11"))).getId();

        importDirectory();
        Map<String, UUID> schools = new HashMap<>();
        for (SchoolResponse school : new SchoolsApi(clients.pairing).listSchools(null, null, p, null, "50", null, null).getItems()) {
            schools.put(school.getExternalId().substring(p.length() + 1), school.getId());
        }
        assertThat(schools).containsKeys("s1", "s2", "s3", "s4");
        Map<String, UUID> staff = staffIds();

        StudioDesignationApi designations = new StudioDesignationApi(clients.pairing);
        designateStudio(designations, year, schools.get("s1"), staff.get("u4"), staff.get("u2"));
        designateStudio(designations, year, schools.get("s2"), staff.get("u14"), staff.get("u12"));
        for (String residency : List.of("s3", "s4")) {
            designations.putDesignation(schools.get(residency), year, new DesignationRequest().readiness(2).studio(false), null);
        }

        MatchingApi matching = new MatchingApi(clients.pairing);
        ApiResponse<ProposalResponse> proposal = matching.proposeMatchingWithHttpInfo(year,
                new MatchingRequest().residencySchoolIds(List.of(schools.get("s3"), schools.get("s4"))));
        assertThat(proposal.getData().getPairs()).hasSize(2);
        List<UUID> pairings = matching.confirmMatching(proposal.getData().getId(), new ConfirmationRequest(), etag(proposal.getHeaders()))
                .stream().map(PairingResponse::getId).toList();
        assertThat(pairings).hasSize(2);
        long pairingRevision = 0;
        for (UUID pairingId : pairings) {
            pairingRevision = Math.max(pairingRevision, completeTeam(pairingId, staff, schools));
        }

        org.studioresidency.e2e.client.session.api.PairingsApi sessionPairings = new org.studioresidency.e2e.client.session.api.PairingsApi(clients.session);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(sessionPairings.listPairings(year)).hasSize(2));
        new DistrictCalendarApi(clients.session).importCalendar(year, calendar(), null, null);

        // The consistency token of the last team change: planning waits until session-service has every team.
        PlanningApi planning = new PlanningApi(clients.session);
        UUID job = planning.startPlanningJob(new StartPlanning().schoolYearId(year).pairingRevision(pairingRevision), null).getJobId();
        // The job read waits (bounded, ?wait=) until the plan is finished instead of polling.
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() ->
                List.of("SOLVED", "STOPPED", "FAILED").contains(planning.getPlanningJob(job, 60).getStatus()));
        org.studioresidency.e2e.client.session.ApiResponse<PlanningJobResponse> solved = planning.getPlanningJobWithHttpInfo(job, null);
        assertThat(solved.getData().getFeasible()).isTrue();
        planning.publishPlan(job, etag(solved.getHeaders()));

        List<SessionListItem> sessions = new SessionsApi(clients.session).listSessions(null, null, null, null, year.toString(), "200", null, null).getItems();
        assertThat(sessions).hasSize(12).extracting(SessionListItem::getStatus).containsOnly("PUBLISHED");

        // Four released teachers per session (one studio teacher, three residency teachers): the sandbox HR system
        // answers every request, filling most of them, and the statuses come back on signed callbacks.
        SubstituteCoverageApi coverage = new SubstituteCoverageApi(clients.session);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            List<String> statuses = coverage.listCoverageRequests(LocalDate.parse("2031-08-25"), LocalDate.parse("2032-06-11"), null)
                    .stream().map(CoverageResponse::getStatus).toList();
            assertThat(statuses).hasSize(48).containsAnyOf("FILLED").allMatch(s -> s.equals("FILLED") || s.equals("UNFILLED"));
        });

        UUID studioPairing = pairings.get(0);
        SessionListItem first = sessions.stream().filter(s -> s.getPairingId().equals(studioPairing))
                .min(Comparator.comparing(SessionListItem::getDate)).orElseThrow();
        org.studioresidency.e2e.client.session.ApiResponse<SessionResponse> firstSession = new SessionsApi(clients.session)
                .getSessionWithHttpInfo(first.getSessionId());
        List<Presence> attendance = new ArrayList<>();
        for (Member member : firstSession.getData().getParticipants()) {
            attendance.add(new Presence().staffId(member.getStaffId()).present(true));
        }
        SessionRecordsApi records = new SessionRecordsApi(clients.session);
        String held = etag(records.markSessionHeldWithHttpInfo(first.getSessionId(), new Held().attendance(attendance),
                etag(firstSession.getHeaders())).getHeaders());
        UUID owner = firstSession.getData().getParticipants().stream()
                .filter(m -> "RESIDENCY_TEACHER".equals(String.valueOf(m.getTeamRole()))).findFirst().orElseThrow().getStaffId();
        UUID host = first.getHostSchool().getSchoolId();
        int hostNumber = Integer.parseInt(key(schools, host).substring(1));
        records.summariseSession(first.getSessionId(), new SummaryRequest().focus(Focus.SHARED_READING)
                .problemOfPractice("Moving emergent readers from choral reading to decoding on their own")
                .demonstrated("A shared-reading lesson with a big book, thinking aloud about word solving")
                .notes("Students leaned on pictures; the debrief focused on prompting for first-letter cues.")
                .nextSteps(List.of(new NextStepRequest().description("Try the routine with small groups").ownerStaffId(owner)
                        .dueDate(LocalDate.parse("2031-10-15")))), held);

        UUID residency = first.getResidencySchools().get(0).getSchoolId();
        List<String> principals = List.of(email("u" + ((hostNumber - 1) * 10 + 1)),
                email("u" + ((Integer.parseInt(key(schools, residency).substring(1)) - 1) * 10 + 1)));
        for (String principal : principals) {
            awaitMail(principal, "Session 1 summary: ");
        }

        new WeeklyDigestsApi(clients.notification).runWeeklyDigestNow();
        for (String principal : principals) {
            awaitMail(principal, "Your studio/residency week of ");
        }

        String feed = given().auth().oauth2(admin).get(stack.serviceUrl("session-service") + "/feeds/schools/" + host + ".ics")
                .then().log().ifValidationFails().statusCode(200).extract().asString();
        assertThat(feed.split("BEGIN:VEVENT", -1)).hasSizeGreaterThanOrEqualTo(7);
    }

    private void awaitMail(String recipient, String subjectStart) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonPath mail = given().queryParam("to", recipient).get(stack.mail().httpUrl() + "/messages")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(mail.getList("subject", String.class)).as("mail to %s", recipient)
                    .anyMatch(subject -> subject.startsWith(subjectStart));
        });
    }

    private void importDirectory() throws Exception {
        String orgs = """
                sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId
                %1$s-d,active,2031-08-01T00:00:00Z,Springfield Public Schools,district,,
                %1$s-s1,active,2031-08-01T00:00:00Z,%1$s Garfield Elementary,school,1,%1$s-d
                %1$s-s2,active,2031-08-01T00:00:00Z,%1$s Roosevelt Elementary,school,2,%1$s-d
                %1$s-s3,active,2031-08-01T00:00:00Z,%1$s Lincoln Elementary,school,3,%1$s-d
                %1$s-s4,active,2031-08-01T00:00:00Z,%1$s Jefferson Elementary,school,4,%1$s-d
                """.formatted(p);
        StringBuilder users = new StringBuilder("sourcedId,status,dateLastModified,enabledUser,username,givenName,familyName,"
                + "email,grades,primaryOrgSourcedId,metadata.staffRole\n");
        StringBuilder roles = new StringBuilder("sourcedId,status,dateLastModified,userSourcedId,roleType,role,orgSourcedId\n");
        // Per school: principal, primary coach, intermediate coach, three teachers. District-wide people after.
        String[][] perSchool = {{"principal", ""}, {"", "LITERACY_COACH_PRIMARY"}, {"", "LITERACY_COACH_INTERMEDIATE"},
                {"teacher", ""}, {"teacher", ""}, {"teacher", ""}};
        for (int school = 1; school <= 4; school++) {
            for (int i = 0; i < perSchool.length; i++) {
                String id = "u" + ((school - 1) * 10 + i + 1);
                users.append("%1$s-%2$s,active,2031-08-01T00:00:00Z,true,%2$s,Person,%2$s,%3$s,%4$s,%1$s-s%5$d,%6$s\n"
                        .formatted(p, id, email(id), perSchool[i][0].equals("teacher") ? "03" : "", school, perSchool[i][1]));
                if (!perSchool[i][0].isEmpty()) {
                    roles.append("%1$s-r%2$s,active,2031-08-01T00:00:00Z,%1$s-%2$s,primary,%3$s,%1$s-s%4$d\n"
                            .formatted(p, id, perSchool[i][0], school));
                }
            }
        }
        String[][] district = {{"u90", "CENTRAL_OFFICE_LEADER"}, {"u91", "DISTRICT_LITERACY_COACH"},
                {"u92", "EXTERNAL_CONSULTANT"}, {"u93", "EXTERNAL_CONSULTANT"}};
        for (String[] person : district) {
            users.append("%1$s-%2$s,active,2031-08-01T00:00:00Z,true,%2$s,Person,%2$s,%3$s,,%1$s-d,%4$s\n"
                    .formatted(p, person[0], email(person[0]), person[1]));
        }
        // By hand: the generated client (library native) adds every file part of the form, and this form takes either
        // the three CSV files or one zip bundle, so the generated call cannot leave the bundle out.
        given().auth().oauth2(admin)
                .multiPart("orgs", "orgs.csv", orgs.getBytes(), "text/csv")
                .multiPart("users", "users.csv", users.toString().getBytes(), "text/csv")
                .multiPart("roles", "roles.csv", roles.toString().getBytes(), "text/csv")
                .post(stack.serviceUrl("pairing-service") + "/imports/oneroster")
                .then().log().ifValidationFails().statusCode(200).body("rejected", org.hamcrest.Matchers.equalTo(0));
        ImportsApi imports = new ImportsApi(clients.pairing);
        String demographics = """
                externalId,enrollment,freeReducedLunchPercent,englishLearnerPercent,readingProficiencyPercent,homeLanguages,latitude,longitude,race.latino,race.asian,race.black,race.white
                %1$s-s1,640,62,33,41,14,47.60,-122.33,40,24,16,20
                %1$s-s2,410,35,12,63,6,47.68,-122.30,18,20,10,52
                %1$s-s3,590,60,30,44,12,47.55,-122.29,42,22,17,19
                %1$s-s4,450,38,15,60,7,47.70,-122.35,20,18,12,50
                """.formatted(p);
        assertThat(imports.importDemographics(file("demographics.csv", demographics)).getRejected()).isZero();
    }

    /** A temporary file of this name holding the text: the generated client uploads files. */
    private static File file(String name, String text) throws Exception {
        Path directory = Files.createTempDirectory("upload");
        Path file = Files.writeString(directory.resolve(name), text);
        file.toFile().deleteOnExit();
        directory.toFile().deleteOnExit();
        return file.toFile();
    }

    /** The scenario's people by their OneRoster ids (u1..u99), found with the externalId filter in one call. */
    private Map<String, UUID> staffIds() throws Exception {
        List<String> externalIds = java.util.stream.IntStream.rangeClosed(1, 99).mapToObj(i -> p + "-u" + i).toList();
        Map<String, UUID> ids = new HashMap<>();
        for (StaffResponse person : new StaffApi(clients.pairing).listStaff(null, externalIds, null, null, null, null, "200", null).getItems()) {
            ids.put(person.getExternalId().substring(p.length() + 1), person.getId());
        }
        return ids;
    }

    private static void designateStudio(StudioDesignationApi designations, UUID year, UUID schoolId, UUID focusTeacher, UUID coach) throws Exception {
        designations.putDesignation(schoolId, year, new DesignationRequest().readiness(4).readinessNote("Strong coaching culture").studio(true)
                .focusTeacherId(focusTeacher).literacyCoachId(coach).capacity(1), null);
    }

    /**
     * Both schools' principals, coaches and teachers, a consultant, the central-office leader and the district coach;
     * returns the change's consistency token.
     */
    private long completeTeam(UUID pairingId, Map<String, UUID> staff, Map<String, UUID> schools) throws Exception {
        PairingsApi pairingsApi = new PairingsApi(clients.pairing);
        ApiResponse<PairingResponse> current = pairingsApi.getPairingWithHttpInfo(pairingId);
        UUID studio = current.getData().getStudioSchool().getSchoolId();
        UUID residency = current.getData().getResidencySchools().get(0).getSchoolId();
        int s = Integer.parseInt(key(schools, studio).substring(1));
        int r = Integer.parseInt(key(schools, residency).substring(1));
        List<MemberRequest> members = new ArrayList<>();
        for (int[] school : new int[][]{{s, 1}, {r, 0}}) {
            int base = (school[0] - 1) * 10;
            members.add(member(staff, "u" + (base + 1), TeamRole.PRINCIPAL));
            members.add(member(staff, "u" + (base + 2), TeamRole.LITERACY_COACH));
            members.add(member(staff, "u" + (base + 3), TeamRole.LITERACY_COACH));
            members.add(member(staff, "u" + (base + 4), school[1] == 1 ? TeamRole.STUDIO_TEACHER : TeamRole.RESIDENCY_TEACHER));
            members.add(member(staff, "u" + (base + 5), TeamRole.RESIDENCY_TEACHER));
        }
        members.add(member(staff, s == 1 ? "u92" : "u93", TeamRole.CONSULTANT));
        members.add(member(staff, "u90", TeamRole.CENTRAL_OFFICE_LEADER));
        members.add(member(staff, "u91", TeamRole.DISTRICT_LITERACY_COACH));
        PairingResponse changed = pairingsApi.changeTeam(pairingId, new TeamRequest().members(members).note("Full team for the year"),
                etag(current.getHeaders()));
        assertThat(changed.getTeam()).hasSize(13);
        return changed.getYearRevision();
    }

    private static MemberRequest member(Map<String, UUID> staff, String id, TeamRole teamRole) {
        return new MemberRequest().staffId(staff.get(id)).teamRole(teamRole);
    }

    private static String key(Map<String, UUID> map, UUID value) {
        return map.entrySet().stream().filter(e -> e.getValue().equals(value)).findFirst().orElseThrow().getKey();
    }

    private String email(String id) {
        return (p + "." + id + "@district.example").toLowerCase();
    }

    private static String calendar() {
        return """
                BEGIN:VCALENDAR
                VERSION:2.0
                PRODID:-//Springfield Public Schools//Calendar//EN
                BEGIN:VEVENT
                UID:labor-day-2031@sps
                DTSTAMP:20310601T000000Z
                DTSTART;VALUE=DATE:20310901
                SUMMARY:Labor Day - no school
                END:VEVENT
                BEGIN:VEVENT
                UID:thanksgiving-2031@sps
                DTSTAMP:20310601T000000Z
                DTSTART;VALUE=DATE:20311124
                DTEND;VALUE=DATE:20311129
                SUMMARY:Thanksgiving break
                END:VEVENT
                BEGIN:VEVENT
                UID:winter-2031@sps
                DTSTAMP:20310601T000000Z
                DTSTART;VALUE=DATE:20311222
                DTEND;VALUE=DATE:20320103
                SUMMARY:Winter break
                END:VEVENT
                BEGIN:VEVENT
                UID:testing-2032@sps
                DTSTAMP:20310601T000000Z
                DTSTART;VALUE=DATE:20320419
                DTEND;VALUE=DATE:20320501
                SUMMARY:State testing window
                END:VEVENT
                BEGIN:VEVENT
                UID:early-release-2031-10@sps
                DTSTAMP:20310601T000000Z
                DTSTART;VALUE=DATE:20311001
                SUMMARY:Early release
                END:VEVENT
                END:VCALENDAR
                """.replace("\n", "\r\n");
    }
}
