package org.studioresidency.session.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads a school year's records for the learning-loop report: one query per kind of row, whatever the district's size. */
@ApplicationScoped
public class YearRecordsRepository {

    private final EntityManager em;

    YearRecordsRepository(EntityManager em) {
        this.em = em;
    }

    public YearRecords load(UUID schoolYearId, String schoolYearName, ZoneId zone) {
        return new YearRecords(schoolYearId, schoolYearName, zone, pairings(schoolYearId), sessions(schoolYearId),
                rows("SELECT d.session_id, d.position, d.staff_id, d.staff_name, d.school_id, d.role, d.form FROM session_demonstration d "
                        + "JOIN session s ON s.id = d.session_id WHERE s.school_year_id = :y", schoolYearId).stream()
                        .map(r -> new YearRecords.DemonstrationRow((UUID) r[0], ((Number) r[1]).intValue(), (UUID) r[2], (String) r[3],
                                (UUID) r[4], (String) r[5], (String) r[6])).toList(),
                rows("SELECT n.id, n.session_id, n.owner_staff_id, n.owner_name, n.owner_school_id, n.due_date, n.status, n.closed_at, n.evidence "
                        + "FROM next_step n JOIN session s ON s.id = n.session_id WHERE s.school_year_id = :y", schoolYearId).stream()
                        .map(r -> new YearRecords.StepRow((UUID) r[0], (UUID) r[1], (UUID) r[2], (String) r[3], (UUID) r[4], date(r[5]),
                                (String) r[6], offset(r[7]), (String) r[8])).toList(),
                rows("SELECT a.session_id, a.staff_id, a.name, a.present FROM session_attendance a JOIN session s ON s.id = a.session_id "
                        + "WHERE s.school_year_id = :y", schoolYearId).stream()
                        .map(r -> new YearRecords.AttendanceRow((UUID) r[0], (UUID) r[1], (String) r[2], (Boolean) r[3])).toList(),
                rows("SELECT c.session_id, c.staff_id, c.status FROM coverage_request c JOIN session s ON s.id = c.session_id "
                        + "WHERE s.school_year_id = :y AND c.status <> 'CANCELLED'", schoolYearId).stream()
                        .map(r -> new YearRecords.CoverageRow((UUID) r[0], (UUID) r[1], (String) r[2])).toList(),
                rows("SELECT e.pairing_id, e.session_id, e.staff_id, e.rating FROM evaluation e JOIN pairing p ON p.id = e.pairing_id "
                        + "WHERE p.school_year_id = :y", schoolYearId).stream()
                        .map(r -> new YearRecords.EvaluationRow((UUID) r[0], (UUID) r[1], (UUID) r[2], ((Number) r[3]).intValue())).toList());
    }

    /**
     * The year's pairings that are not dissolved, each with its central-office leader (the first team member in that team
     * role; null when there is none): who gets a pairing's learning-loop snapshot.
     */
    public Map<UUID, LearningLoopSnapshot.Leader> livePairingLeaders(UUID schoolYearId) {
        Map<UUID, LearningLoopSnapshot.Leader> leaders = new LinkedHashMap<>();
        for (Object[] r : rows("SELECT p.id, m.staff_id, m.name, m.email FROM pairing p LEFT JOIN pairing_member m "
                + "ON m.pairing_id = p.id AND m.team_role = 'CENTRAL_OFFICE_LEADER' WHERE p.school_year_id = :y AND NOT p.dissolved "
                + "ORDER BY p.id, m.position", schoolYearId)) {
            UUID pairingId = (UUID) r[0];
            if (!leaders.containsKey(pairingId) || leaders.get(pairingId) == null) {
                leaders.put(pairingId, r[1] == null ? null : new LearningLoopSnapshot.Leader((UUID) r[1], (String) r[2], (String) r[3]));
            }
        }
        return leaders;
    }

    private List<YearRecords.SessionRow> sessions(UUID schoolYearId) {
        return rows("SELECT id, pairing_id, number, date, half_day, status, focus, problem_of_practice, "
                + "(pre_visit_plan IS NOT NULL OR pre_visit_plan_recorded_as IS NOT NULL), pre_visit_plan_recorded_as "
                + "FROM session WHERE school_year_id = :y ORDER BY pairing_id, date, half_day, number", schoolYearId).stream()
                .map(r -> new YearRecords.SessionRow((UUID) r[0], (UUID) r[1], ((Number) r[2]).intValue(), date(r[3]), (String) r[4],
                        (String) r[5], (String) r[6], (String) r[7], (Boolean) r[8], (String) r[9])).toList();
    }

    private List<YearRecords.PairingRow> pairings(UUID schoolYearId) {
        Map<UUID, Object[]> heads = new LinkedHashMap<>();
        for (Object[] r : rows("SELECT id, studio_school_id, studio_school_name FROM pairing WHERE school_year_id = :y ORDER BY studio_school_name, id",
                schoolYearId)) {
            heads.put((UUID) r[0], r);
        }
        Map<UUID, List<YearRecords.SchoolName>> residency = new LinkedHashMap<>();
        for (Object[] r : rows("SELECT r.pairing_id, r.school_id, r.name FROM pairing_residency_school r JOIN pairing p ON p.id = r.pairing_id "
                + "WHERE p.school_year_id = :y ORDER BY r.pairing_id, r.position", schoolYearId)) {
            residency.computeIfAbsent((UUID) r[0], k -> new ArrayList<>()).add(new YearRecords.SchoolName((UUID) r[1], (String) r[2]));
        }
        Map<UUID, Map<UUID, YearRecords.Member>> teams = new LinkedHashMap<>();
        for (Object[] r : rows("SELECT m.pairing_id, m.staff_id, m.name, m.school_id, m.team_role FROM pairing_member m JOIN pairing p ON p.id = m.pairing_id "
                + "WHERE p.school_year_id = :y ORDER BY m.pairing_id, m.position", schoolYearId)) {
            teams.computeIfAbsent((UUID) r[0], k -> new LinkedHashMap<>())
                    .putIfAbsent((UUID) r[1], new YearRecords.Member((UUID) r[1], (String) r[2], (UUID) r[3], (String) r[4]));
        }
        return heads.values().stream().map(r -> {
            UUID id = (UUID) r[0];
            List<YearRecords.SchoolName> schools = residency.getOrDefault(id, List.of());
            StringBuilder label = new StringBuilder((String) r[2]);
            schools.forEach(s -> label.append(" / ").append(s.name()));
            return new YearRecords.PairingRow(id, label.toString(), new YearRecords.SchoolName((UUID) r[1], (String) r[2]), List.copyOf(schools),
                    teams.getOrDefault(id, Map.of()));
        }).toList();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, UUID schoolYearId) {
        return em.createNativeQuery(sql).setParameter("y", schoolYearId).getResultList();
    }

    private static LocalDate date(Object value) {
        return value == null ? null : value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }

    private static OffsetDateTime offset(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof Timestamp t) {
            return t.toInstant().atOffset(ZoneOffset.UTC);
        }
        return (OffsetDateTime) value;
    }
}
