package org.studioresidency.session.report;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.studioresidency.local.TestInfrastructure;
import org.studioresidency.session.DistrictFixture;
import org.studioresidency.session.service.PairingService;
import org.studioresidency.session.service.SchoolYearService;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not a test (not in the suite): the learning-loop report of a large district, 260 pairings of 12 people and 1,560
 * summarised sessions with their records (2 demonstrations, 2 next steps, 12 attendance rows, 4 substitute requests and
 * 3 evaluations each; end-of-year evaluations), written straight into the tables. Prints how long the report takes,
 * in the service and over HTTP (JSON, CSV and the HTML page). Run alone:
 * {@code ./mvnw -q -o -pl session-service -am verify -DskipITs -Dtest=LearningLoopBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 */
@QuarkusTest
class LearningLoopBenchmark {

    private static final int PAIRINGS = 260;
    private static final int SESSIONS = 6;
    private static final LocalDate[] DATES = {LocalDate.of(2026, 9, 22), LocalDate.of(2026, 10, 27), LocalDate.of(2026, 12, 8),
            LocalDate.of(2027, 1, 26), LocalDate.of(2027, 3, 2), LocalDate.of(2027, 4, 20)};
    private static final String[] TEAM_ROLES = {"CONSULTANT", "PRINCIPAL", "STUDIO_TEACHER", "RESIDENCY_TEACHER", "LITERACY_COACH", "PRINCIPAL",
            "RESIDENCY_TEACHER", "LITERACY_COACH", "RESIDENCY_TEACHER", "CENTRAL_OFFICE_LEADER", "DISTRICT_LITERACY_COACH", "LITERACY_COACH"};
    private static final String[] FOCUS = {"READ_ALOUD", "SHARED_READING", "GUIDED_READING", "INDEPENDENT_READING", "WORD_STUDY", "WRITING_WORKSHOP"};

    @Inject
    SchoolYearService schoolYears;
    @Inject
    PairingService pairings;
    @Inject
    DataSource dataSource;
    @Inject
    LearningLoopReports reports;

    @Test
    void shouldComputeTheLearningLoopOfALargeDistrict() throws SQLException {
        DistrictFixture district = new DistrictFixture(schoolYears, pairings);
        long start = System.nanoTime();
        int rows = generate(district.schoolYearId);
        System.out.printf("generated %d rows in %.1f s%n", rows, (System.nanoTime() - start) / 1e9);

        List<Double> service = new ArrayList<>();
        LearningLoopReport report = null;
        for (int run = 0; run < 5; run++) {
            long t = System.nanoTime();
            report = reports.report(district.schoolYearId, Optional.empty());
            service.add((System.nanoTime() - t) / 1e9);
        }
        assertThat(report.pairings()).hasSize(PAIRINGS);
        String admin = TestInfrastructure.token("district-admin");
        List<Double> json = new ArrayList<>();
        List<Double> csv = new ArrayList<>();
        List<Double> html = new ArrayList<>();
        int jsonBytes = 0;
        for (int run = 0; run < 3; run++) {
            jsonBytes = timedGet(admin, "/reports/learning-loop?schoolYearId=" + district.schoolYearId, json);
            timedGet(admin, "/reports/learning-loop/export?schoolYearId=" + district.schoolYearId, csv);
            timedGet(admin, "/reports/learning-loop/page?schoolYearId=" + district.schoolYearId, html);
        }
        System.out.printf("learning-loop report, %d pairings, %d sessions, %d schools: service %s s; GET JSON (%d kB) %s s; GET CSV %s s; GET HTML %s s%n",
                report.pairings().size(), PAIRINGS * SESSIONS, report.schools().size(), seconds(service), jsonBytes / 1024, seconds(json), seconds(csv),
                seconds(html));
    }

    /** One GET with the JDK's HTTP client (the body read as bytes), its time added to {@code times}; returns the body's size. */
    private static int timedGet(String token, String path, List<Double> times) {
        try {
            java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(io.restassured.RestAssured.baseURI + ":"
                    + io.restassured.RestAssured.port + path)).header("Authorization", "Bearer " + token).GET().build();
            long t = System.nanoTime();
            java.net.http.HttpResponse<byte[]> response = CLIENT.send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            times.add((System.nanoTime() - t) / 1e9);
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body().length;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static final java.net.http.HttpClient CLIENT = java.net.http.HttpClient.newHttpClient();

    private static String seconds(List<Double> runs) {
        return runs.stream().map(r -> String.format("%.2f", r)).toList().toString();
    }

    /** The district's pairings, teams, sessions and records; returns how many rows were written. */
    private int generate(UUID schoolYearId) throws SQLException {
        Random random = new Random(14);
        int rows = 0;
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection c = dataSource.getConnection();
             PreparedStatement pairing = c.prepareStatement("INSERT INTO pairing (id, school_year_id, studio_school_id, studio_school_name, team_version) VALUES (?, ?, ?, ?, 1)");
             PreparedStatement residency = c.prepareStatement("INSERT INTO pairing_residency_school (pairing_id, position, school_id, name) VALUES (?, 0, ?, ?)");
             PreparedStatement member = c.prepareStatement("INSERT INTO pairing_member (pairing_id, position, staff_id, name, email, role, school_id, team_role) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement session = c.prepareStatement("INSERT INTO session (id, pairing_id, school_year_id, number, date, half_day, status, focus, problem_of_practice, "
                     + "pre_visit_plan, pre_visit_plan_recorded_as, problem_presented_by) VALUES (?, ?, ?, ?, ?, ?, 'SUMMARISED', ?, ?, 'Plan', ?, 'HOST_TEAM')");
             PreparedStatement demo = c.prepareStatement("INSERT INTO session_demonstration (id, session_id, position, staff_id, staff_name, school_id, role, form, what) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'Lesson')");
             PreparedStatement step = c.prepareStatement("INSERT INTO next_step (id, session_id, description, owner_staff_id, owner_name, owner_school_id, due_date, status, closed_at, kind, evidence) "
                     + "VALUES (?, ?, 'Try it', ?, ?, ?, ?, ?, ?, 'TRY_IN_CLASSROOM', ?)");
             PreparedStatement attendance = c.prepareStatement("INSERT INTO session_attendance (session_id, staff_id, name, present) VALUES (?, ?, ?, ?)");
             PreparedStatement coverage = c.prepareStatement("INSERT INTO coverage_request (id, session_id, pairing_id, staff_id, teacher_name, school_id, date, half_day, status, created_at, updated_at) "
                     + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement evaluation = c.prepareStatement("INSERT INTO evaluation (id, pairing_id, session_id, staff_id, rating) VALUES (?, ?, ?, ?, ?)")) {
            c.setAutoCommit(false);
            for (int p = 0; p < PAIRINGS; p++) {
                UUID pairingId = UUID.randomUUID();
                UUID studio = UUID.randomUUID();
                UUID visiting = UUID.randomUUID();
                pairing.setObject(1, pairingId);
                pairing.setObject(2, schoolYearId);
                pairing.setObject(3, studio);
                pairing.setString(4, "Studio " + p);
                pairing.addBatch();
                residency.setObject(1, pairingId);
                residency.setObject(2, visiting);
                residency.setString(3, "Residency " + p);
                residency.addBatch();
                UUID[] people = new UUID[TEAM_ROLES.length];
                UUID[] schoolOf = new UUID[TEAM_ROLES.length];
                for (int m = 0; m < TEAM_ROLES.length; m++) {
                    people[m] = UUID.randomUUID();
                    schoolOf[m] = m == 0 || m >= 9 ? null : m <= 4 ? studio : visiting;
                    member.setObject(1, pairingId);
                    member.setInt(2, m);
                    member.setObject(3, people[m]);
                    member.setString(4, TEAM_ROLES[m] + " " + p + "/" + m);
                    member.setString(5, people[m] + "@district.example");
                    member.setString(6, m == 0 ? "EXTERNAL_CONSULTANT" : "TEACHER");
                    member.setObject(7, schoolOf[m]);
                    member.setString(8, TEAM_ROLES[m]);
                    member.addBatch();
                }
                rows += 2 + TEAM_ROLES.length;
                for (int n = 1; n <= SESSIONS; n++) {
                    UUID sessionId = UUID.randomUUID();
                    LocalDate date = DATES[n - 1];
                    session.setObject(1, sessionId);
                    session.setObject(2, pairingId);
                    session.setObject(3, schoolYearId);
                    session.setInt(4, n);
                    session.setDate(5, Date.valueOf(date));
                    session.setString(6, p % 2 == 0 ? "AM" : "PM");
                    session.setString(7, FOCUS[random.nextInt(FOCUS.length)]);
                    session.setString(8, "Problem " + random.nextInt(40));
                    session.setString(9, random.nextBoolean() ? "PRINCIPAL" : "DISTRICT_OFFICE");
                    session.addBatch();
                    for (int d = 0; d < 2; d++) {
                        int by = n + d <= 3 ? 0 : 2 + random.nextInt(3);
                        demo.setObject(1, UUID.randomUUID());
                        demo.setObject(2, sessionId);
                        demo.setInt(3, d + 1);
                        demo.setObject(4, people[by]);
                        demo.setString(5, "Person " + by);
                        demo.setObject(6, schoolOf[by]);
                        demo.setString(7, by == 0 ? "CONSULTANT" : by == 2 ? "STUDIO_TEACHER" : by == 3 ? "RESIDENCY_TEACHER" : "COACH");
                        demo.setString(8, d == 0 ? "LIVE_LESSON" : "CONFERRING");
                        demo.addBatch();
                    }
                    for (int s = 0; s < 2; s++) {
                        int owner = 1 + random.nextInt(8);
                        String status = new String[] {"OPEN", "IN_PROGRESS", "DONE", "DONE", "DONE", "DROPPED"}[random.nextInt(6)];
                        step.setObject(1, UUID.randomUUID());
                        step.setObject(2, sessionId);
                        step.setObject(3, people[owner]);
                        step.setString(4, "Person " + owner);
                        step.setObject(5, schoolOf[owner]);
                        step.setDate(6, Date.valueOf(date.plusDays(21)));
                        step.setString(7, status);
                        step.setObject(8, status.equals("DONE") || status.equals("DROPPED") ? date.plusDays(5 + random.nextInt(50)).atTime(18, 0).atOffset(ZoneOffset.UTC) : null);
                        step.setString(9, status.equals("DONE") ? "Evidence" : null);
                        step.addBatch();
                    }
                    for (int m = 0; m < TEAM_ROLES.length; m++) {
                        boolean present = random.nextInt(10) > 0;
                        attendance.setObject(1, sessionId);
                        attendance.setObject(2, people[m]);
                        attendance.setString(3, "Person " + m);
                        attendance.setBoolean(4, present);
                        attendance.addBatch();
                        if (TEAM_ROLES[m].endsWith("TEACHER")) {
                            coverage.setObject(1, UUID.randomUUID());
                            coverage.setObject(2, sessionId);
                            coverage.setObject(3, pairingId);
                            coverage.setObject(4, people[m]);
                            coverage.setString(5, "Person " + m);
                            coverage.setObject(6, schoolOf[m]);
                            coverage.setDate(7, Date.valueOf(date));
                            coverage.setString(8, p % 2 == 0 ? "AM" : "PM");
                            coverage.setString(9, random.nextInt(5) == 0 ? "UNFILLED" : "FILLED");
                            coverage.setObject(10, now);
                            coverage.setObject(11, now);
                            coverage.addBatch();
                            rows++;
                        }
                    }
                    for (int e = 2; e <= 4; e++) {
                        evaluation.setObject(1, UUID.randomUUID());
                        evaluation.setObject(2, pairingId);
                        evaluation.setObject(3, sessionId);
                        evaluation.setObject(4, people[e]);
                        evaluation.setInt(5, 1 + random.nextInt(5));
                        evaluation.addBatch();
                    }
                    rows += 1 + 2 + 2 + TEAM_ROLES.length + 3;
                }
                for (int e = 2; e <= 4; e++) {
                    evaluation.setObject(1, UUID.randomUUID());
                    evaluation.setObject(2, pairingId);
                    evaluation.setNull(3, java.sql.Types.OTHER);
                    evaluation.setObject(4, people[e]);
                    evaluation.setInt(5, 1 + random.nextInt(5));
                    evaluation.addBatch();
                    rows++;
                }
            }
            for (PreparedStatement batch : List.of(pairing, residency, member, session, demo, step, attendance, coverage, evaluation)) {
                batch.executeBatch();
            }
            c.commit();
        }
        return rows;
    }
}
