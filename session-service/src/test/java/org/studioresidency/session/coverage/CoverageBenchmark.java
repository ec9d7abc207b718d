package org.studioresidency.session.coverage;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.studioresidency.local.HrSandbox;
import org.studioresidency.session.DistrictFixture;
import org.studioresidency.session.domain.CoverageRequest;
import org.studioresidency.session.domain.CoverageStatus;
import org.studioresidency.session.domain.HalfDay;
import org.studioresidency.session.service.HrDispatcher;
import org.studioresidency.session.service.PairingService;
import org.studioresidency.session.service.SchoolYearService;
import org.studioresidency.session.service.SessionService;

import java.net.URL;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Not a test (surefire does not pick up *Benchmark): how long publishing sessions with their coverage takes, and how
 * long a backlog of HR calls owed during an outage takes to reach the HR sandbox once it is back, exactly once.
 * Run: ./mvnw -q -pl session-service test -Dtest=CoverageBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 */
@QuarkusTest
@QuarkusTestResource(value = HrSandboxResource.class, restrictToAnnotatedClass = true)
class CoverageBenchmark {

    private static final int SESSIONS = Integer.getInteger("coverage.benchmark.sessions", 300);

    HrSandbox sandbox;

    @TestHTTPResource("/hr/callbacks")
    URL callbacks;

    @Inject
    SchoolYearService schoolYears;
    @Inject
    PairingService pairings;
    @Inject
    SessionService sessions;
    @Inject
    HrDispatcher dispatcher;

    @Test
    void publishThenDrainABacklogAfterAnHrOutage() {
        sandbox.callbackUrl(callbacks.toString());
        sandbox.fillRate(1.0, 0);
        sandbox.mode(HrSandbox.Mode.DOWN);
        DistrictFixture district = new DistrictFixture(schoolYears, pairings);
        List<LocalDate> days = weekdaysFrom(LocalDate.of(2027, 1, 4), SESSIONS / 12 + 1);

        long start = System.nanoTime();
        Set<UUID> sessionIds = new HashSet<>();
        for (int i = 0; i < SESSIONS; i++) {
            DistrictFixture.Pairing pairing = district.pairing("School " + i, DistrictFixture.consultant("Consultant " + i));
            sessionIds.add(sessions.create(pairing.pairingId(), days.get(i / 12), i % 2 == 0 ? HalfDay.AM : HalfDay.PM).session().id);
        }
        double publishSeconds = seconds(start);
        long requests = QuarkusTransaction.requiringNew().call(() -> CoverageRequest.count("sessionId in ?1", sessionIds));

        dispatcher.dispatchDue();
        sandbox.mode(HrSandbox.Mode.NORMAL);
        long drainStart = System.nanoTime();
        await().atMost(Duration.ofMinutes(10)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50)).until(() -> {
            dispatcher.dispatchDue();
            return QuarkusTransaction.requiringNew().call(() ->
                    CoverageRequest.count("sessionId in ?1 and status = ?2", sessionIds, CoverageStatus.PENDING)) == 0;
        });
        double drainSeconds = seconds(drainStart);
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                CoverageRequest.count("sessionId in ?1 and status = ?2", sessionIds, CoverageStatus.FILLED)) == requests);
        double filledSeconds = seconds(drainStart);

        List<String> jobIds = sandbox.jobs().values().stream().map(j -> j.path("externalId").asText()).toList();
        Set<String> externalIds = new HashSet<>(jobIds);
        long jobs = jobIds.size();
        assertThat(jobs).isEqualTo(externalIds.size()).isEqualTo(requests);
        System.out.printf("%nCoverageBenchmark: %d sessions published with %d coverage requests in %.1f s (%.1f ms per session)%n",
                SESSIONS, requests, publishSeconds, publishSeconds * 1000 / SESSIONS);
        System.out.printf("CoverageBenchmark: after the outage, %d owed HR calls sent in %.1f s (%.0f calls/s), all filled by callbacks after %.1f s; "
                + "%d jobs for %d requests (no duplicates)%n%n", requests, drainSeconds, requests / drainSeconds, filledSeconds, jobs, externalIds.size());
    }

    private static List<LocalDate> weekdaysFrom(LocalDate first, int count) {
        return first.datesUntil(first.plusYears(1)).filter(d -> d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY)
                .limit(count).toList();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
