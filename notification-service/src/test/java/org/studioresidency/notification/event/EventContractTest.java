package org.studioresidency.notification.event;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import org.studioresidency.notification.DistrictFixture;
import org.studioresidency.notification.service.SchoolYearService;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Contract test: every producer example this service consumes reads through this service's own reader types. */
class EventContractTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final List<String> SESSION_TYPES = List.of(SessionEvents.PUBLISHED, SessionEvents.RESCHEDULED,
            SessionEvents.CANCELLED, SessionEvents.HELD, SessionEvents.SUMMARISED, SessionEvents.NEXT_STEP_DUE_SOON,
            SessionEvents.NEXT_STEP_OVERDUE, SessionEvents.NEXT_STEP_STATUS_CHANGED, SessionEvents.TEAM_CHANGED,
            SessionEvents.CONFLICT_DETECTED, SessionEvents.CONFLICT_RESOLVED);

    @Test
    void shouldReadEveryDirectoryExample() throws IOException {
        for (String type : List.of(DirectoryEvents.SCHOOL_YEAR_CREATED, DirectoryEvents.SCHOOL_YEAR_UPDATED)) {
            assertThat(read(DistrictFixture.PAIRING_EXAMPLES, type, SchoolYearService.SchoolYearCreated.class).name()).isEqualTo("2026-27");
        }
        for (String type : List.of(DirectoryEvents.SCHOOL_CREATED, DirectoryEvents.SCHOOL_UPDATED)) {
            DirectoryEvents.SchoolState school = read(DistrictFixture.PAIRING_EXAMPLES, type, DirectoryEvents.SchoolState.class);
            assertThat(school.schoolId()).isNotNull();
            assertThat(school.principal().email()).contains("@");
            assertThat(school.supervisingLeader().name()).isNotBlank();
        }
        for (String type : List.of(DirectoryEvents.STAFF_CREATED, DirectoryEvents.STAFF_UPDATED)) {
            DirectoryEvents.StaffState staff = read(DistrictFixture.PAIRING_EXAMPLES, type, DirectoryEvents.StaffState.class);
            assertThat(staff.staffId()).isNotNull();
            assertThat(staff.role()).isEqualTo("PRINCIPAL");
            assertThat(staff.active()).isTrue();
        }
    }

    @Test
    void shouldReadEveryPairingExample() throws IOException {
        for (String type : List.of(PairingEvents.CONFIRMED, PairingEvents.TEAM_CHANGED)) {
            PairingEvents.PairingState pairing = read(DistrictFixture.PAIRING_EXAMPLES, type, PairingEvents.PairingState.class);
            assertThat(pairing.studioSchool().schoolId()).isNotNull();
            assertThat(pairing.residencySchools()).isNotEmpty();
            assertThat(pairing.team()).anyMatch(m -> "CENTRAL_OFFICE_LEADER".equals(m.teamRole()) && m.email() != null);
            assertThat(pairing.teamVersion()).isPositive();
        }
        assertThat(read(DistrictFixture.PAIRING_EXAMPLES, PairingEvents.DISSOLVED, PairingEvents.PairingDissolved.class).reason())
                .isNotBlank();
    }

    @Test
    void shouldReadEverySessionExample() throws IOException {
        for (String type : SESSION_TYPES) {
            SessionEvents.SessionEvent event = read(DistrictFixture.SESSION_EXAMPLES, type, SessionEvents.SessionEvent.class);
            SessionEvents.SessionState session = event.session();
            assertThat(session.sessionId()).as(type).isNotNull();
            assertThat(session.date()).as(type).isNotNull();
            assertThat(session.startsAt()).as(type).isNotNull();
            assertThat(session.hostSchool().schoolId()).as(type).isNotNull();
            assertThat(session.residencySchools()).as(type).isNotEmpty();
            assertThat(session.icsUid()).as(type).isNotBlank();
            assertThat(session.participants()).as(type).anyMatch(m -> "PRINCIPAL".equals(m.teamRole()));
        }
        SessionEvents.SessionEvent summarised = read(DistrictFixture.SESSION_EXAMPLES, SessionEvents.SUMMARISED, SessionEvents.SessionEvent.class);
        assertThat(summarised.summary().focus()).isEqualTo("SHARED_READING");
        assertThat(summarised.summary().nextSteps()).first().satisfies(s -> {
            assertThat(s.ownerName()).isNotBlank();
            assertThat(s.dueDate()).isNotNull();
        });
        assertThat(summarised.nextVisit().date()).isNotNull();
        SessionEvents.SessionEvent rescheduled = read(DistrictFixture.SESSION_EXAMPLES, SessionEvents.RESCHEDULED, SessionEvents.SessionEvent.class);
        assertThat(rescheduled.previousDate()).isNotNull();
        assertThat(rescheduled.session().icsSequence()).isPositive();
        assertThat(read(DistrictFixture.SESSION_EXAMPLES, SessionEvents.CANCELLED, SessionEvents.SessionEvent.class).reason()).isNotBlank();
        assertThat(read(DistrictFixture.SESSION_EXAMPLES, SessionEvents.NEXT_STEP_OVERDUE, SessionEvents.SessionEvent.class)
                .nextStep().nextStepId()).isNotNull();
    }

    @Test
    void shouldReadANextStepStatusChangeWithItsNewStateAndWhenItChanged() throws IOException {
        SessionEvents.SessionEvent changed = read(DistrictFixture.SESSION_EXAMPLES, SessionEvents.NEXT_STEP_STATUS_CHANGED,
                SessionEvents.SessionEvent.class);
        assertThat(changed.nextStep().nextStepId()).isNotNull();
        assertThat(changed.nextStep().description()).isNotBlank();
        assertThat(changed.nextStep().status()).isIn("OPEN", "IN_PROGRESS", "DONE", "DROPPED");
        assertThat(changed.nextStep().dueDate()).isNotNull();
        assertThat(changed.changedAt()).isNotNull();
        if (List.of("DONE", "DROPPED").contains(changed.nextStep().status())) {
            assertThat(changed.nextStep().closedAt()).isNotNull();
        }
    }

    @Test
    void shouldReadACalendarSubscriptionCreatedAndRevoked() throws IOException {
        SessionEvents.SubscriptionCreated created = read(DistrictFixture.SESSION_EXAMPLES, SessionEvents.CALENDAR_SUBSCRIPTION_CREATED,
                SessionEvents.SubscriptionCreated.class);
        assertThat(created.subscriptionId()).isNotNull();
        assertThat(created.staffId()).isNotNull();
        assertThat(created.url()).startsWith("https://");
        assertThat(created.webcalUrl()).startsWith("webcal://");
        assertThat(created.createdAt()).isNotNull();
        SessionEvents.SubscriptionRevoked revoked = read(DistrictFixture.SESSION_EXAMPLES, SessionEvents.CALENDAR_SUBSCRIPTION_REVOKED,
                SessionEvents.SubscriptionRevoked.class);
        assertThat(revoked.subscriptionId()).isEqualTo(created.subscriptionId());
    }

    @Test
    void shouldReadATeamChangeWithTheNewTeamAsParticipants() throws IOException {
        SessionEvents.SessionEvent changed = read(DistrictFixture.SESSION_EXAMPLES, SessionEvents.TEAM_CHANGED,
                SessionEvents.SessionEvent.class);
        assertThat(changed.teamVersion()).isPositive();
        assertThat(changed.session().participants()).allSatisfy(m -> assertThat(m.staffId()).isNotNull());
        JsonNode data = JSON.readTree(Files.readString(DistrictFixture.SESSION_EXAMPLES.resolve(SessionEvents.TEAM_CHANGED + ".json")))
                .get("data");
        data.get("added").forEach(added -> assertThat(changed.session().participants())
                .anyMatch(m -> m.staffId().toString().equals(added.get("staffId").asText())));
        data.get("removed").forEach(removed -> assertThat(changed.session().participants())
                .noneMatch(m -> m.staffId().toString().equals(removed.get("staffId").asText())));
    }

    @Test
    void shouldReadAConflictDetectedAndResolved() throws IOException {
        for (String type : List.of(SessionEvents.CONFLICT_DETECTED, SessionEvents.CONFLICT_RESOLVED)) {
            SessionEvents.Conflict conflict = read(DistrictFixture.SESSION_EXAMPLES, type, SessionEvents.SessionEvent.class).conflict();
            assertThat(conflict.conflictId()).as(type).isNotNull();
            assertThat(conflict.kind()).as(type).isIn("PERSON_DOUBLE_BOOKED", "SUBSTITUTE_CAP_EXCEEDED");
            assertThat(conflict.detail()).as(type).isNotBlank();
            assertThat(conflict.detectedAt()).as(type).isNotNull();
        }
        SessionEvents.SessionEvent detected = read(DistrictFixture.SESSION_EXAMPLES, SessionEvents.CONFLICT_DETECTED,
                SessionEvents.SessionEvent.class);
        if ("PERSON_DOUBLE_BOOKED".equals(detected.conflict().kind())) {
            assertThat(detected.conflict().staffName()).isNotBlank();
        }
        SessionEvents.SessionEvent resolved = read(DistrictFixture.SESSION_EXAMPLES, SessionEvents.CONFLICT_RESOLVED,
                SessionEvents.SessionEvent.class);
        assertThat(resolved.conflict().conflictId()).isEqualTo(detected.conflict().conflictId());
        assertThat(resolved.resolvedAt()).isNotNull();
        assertThat(resolved.resolution()).isNotBlank();
    }

    @Test
    void shouldReadWhenEachSessionExampleWasWritten() throws IOException {
        for (String type : SESSION_TYPES) {
            IncomingEvent event = IncomingEvent.parse(JSON, Files.readString(DistrictFixture.SESSION_EXAMPLES.resolve(type + ".json")));
            assertThat(event.time()).as(type).isNotNull();
        }
    }

    @Test
    void shouldReadEveryCoverageExample() throws IOException {
        for (String type : List.of(CoverageEvents.REQUESTED, CoverageEvents.FILLED, CoverageEvents.UNFILLED, CoverageEvents.CANCELLED,
                CoverageEvents.AT_RISK)) {
            CoverageEvents.CoverageEvent coverage = read(DistrictFixture.SESSION_EXAMPLES, type, CoverageEvents.CoverageEvent.class);
            assertThat(coverage.coverageRequestId()).as(type).isNotNull();
            assertThat(coverage.teacher().schoolId()).as(type).isNotNull();
            assertThat(coverage.date()).as(type).isNotNull();
            assertThat(coverage.status()).as(type).isNotBlank();
        }
        assertThat(read(DistrictFixture.SESSION_EXAMPLES, CoverageEvents.AT_RISK, CoverageEvents.CoverageEvent.class).daysBefore())
                .isPositive();
    }

    @Test
    void shouldReadALearningLoopSnapshot() throws IOException {
        ReportEvents.LearningLoopSnapshot snapshot = read(DistrictFixture.SESSION_EXAMPLES, ReportEvents.LEARNING_LOOP_SNAPSHOT,
                ReportEvents.LearningLoopSnapshot.class);
        assertThat(snapshot.pairingId()).isNotNull();
        assertThat(snapshot.schoolYearId()).isNotNull();
        assertThat(snapshot.asOf()).isAfter(snapshot.since());
        assertThat(snapshot.leader().staffId()).isNotNull();
        assertThat(snapshot.leader().email()).contains("@");
        assertThat(snapshot.reportUrl()).startsWith("https://").contains("schoolYearId=" + snapshot.schoolYearId());
        assertThat(snapshot.gradualRelease()).isNotEmpty().allSatisfy(p -> assertThat(p.sessionNumber()).isPositive());
        assertThat(snapshot.schools()).extracting(ReportEvents.SchoolSteps::part).containsExactly("STUDIO", "RESIDENCY");
        assertThat(snapshot.district().followThroughMedian().open()).isNotNull();
        assertThat(snapshot.district().gradualRelease()).isNotEmpty();
    }

    @Test
    void shouldHaveAReaderForEveryExampleTypeTheProducersPublish() throws IOException {
        List<String> consumed = List.of(DirectoryEvents.SCHOOL_YEAR_CREATED, DirectoryEvents.SCHOOL_YEAR_UPDATED, DirectoryEvents.SCHOOL_CREATED, DirectoryEvents.SCHOOL_UPDATED,
                DirectoryEvents.STAFF_CREATED, DirectoryEvents.STAFF_UPDATED, PairingEvents.CONFIRMED, PairingEvents.TEAM_CHANGED,
                PairingEvents.DISSOLVED, SessionEvents.PUBLISHED, SessionEvents.RESCHEDULED, SessionEvents.CANCELLED, SessionEvents.HELD,
                SessionEvents.SUMMARISED, SessionEvents.NEXT_STEP_DUE_SOON, SessionEvents.NEXT_STEP_OVERDUE,
                SessionEvents.NEXT_STEP_STATUS_CHANGED, SessionEvents.TEAM_CHANGED, SessionEvents.CONFLICT_DETECTED,
                SessionEvents.CONFLICT_RESOLVED, SessionEvents.CALENDAR_SUBSCRIPTION_CREATED, SessionEvents.CALENDAR_SUBSCRIPTION_REVOKED,
                CoverageEvents.REQUESTED,
                CoverageEvents.FILLED, CoverageEvents.UNFILLED, CoverageEvents.CANCELLED, CoverageEvents.AT_RISK,
                ReportEvents.LEARNING_LOOP_SNAPSHOT);
        try (Stream<Path> pairing = Files.list(DistrictFixture.PAIRING_EXAMPLES); Stream<Path> session = Files.list(DistrictFixture.SESSION_EXAMPLES)) {
            List<String> published = Stream.concat(pairing, session).map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json")).map(n -> n.substring(0, n.length() - ".json".length())).toList();
            assertThat(consumed).containsExactlyInAnyOrderElementsOf(published);
        }
    }

    private static <T> T read(Path dir, String type, Class<T> reader) throws IOException {
        JsonNode event = JSON.readTree(Files.readString(dir.resolve(type + ".json")));
        assertThat(event.get("type").asText()).isEqualTo(type);
        assertThat(event.get("id").asText()).isNotBlank();
        return JSON.treeToValue(event.get("data"), reader);
    }
}
