package org.studioresidency.session.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.studioresidency.session.domain.HalfDay;
import org.studioresidency.session.domain.Pairing;
import org.studioresidency.session.domain.SessionStatus;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.UUID;

/**
 * A page of a year's sessions as a list shows them: the page's sessions with their pairing's schools and consultant,
 * and how many sessions the filters match, in two or three statements whatever the page size. Plain rows, not
 * entities: a page only shows them, and loading the sessions and their pairings as entities (every team member of
 * every pairing, about 700 for a page of 50) cost most of the page.
 */
@ApplicationScoped
public class SessionListRepository {

    /** Which sessions: a year, and each other filter when not null. */
    public record Criteria(UUID schoolYearId, UUID pairingId, UUID schoolId, UUID onlySchool, LocalDate from, LocalDate to,
                           SessionStatus status) {
    }

    public record SchoolName(UUID schoolId, String name) {
    }

    public record ConsultantName(UUID staffId, String name, String email) {
    }

    /** One session of the page; {@code consultant} is null when the pairing has none yet. */
    public record ListedRow(UUID id, UUID pairingId, UUID schoolYearId, int number, LocalDate date, HalfDay halfDay, SessionStatus status,
                            String cancelReason, SchoolName hostSchool, List<SchoolName> residencySchools, ConsultantName consultant,
                            LocalDate proposedDate, HalfDay proposedHalfDay, int icsSequence, long version, boolean coverageAtRisk) {
    }

    public record Rows(List<ListedRow> items, long total) {
    }

    private static final String CONCERNS_SCHOOL = " AND s.pairing_id IN (SELECT p.id FROM pairing p LEFT JOIN pairing_residency_school r"
            + " ON r.pairing_id = p.id WHERE p.school_year_id = ? AND (p.studio_school_id = ? OR r.school_id = ?))";

    private final EntityManager em;

    SessionListRepository(EntityManager em) {
        this.em = em;
    }

    public Rows page(Criteria criteria, int page, int size) {
        StringBuilder where = new StringBuilder("s.school_year_id = ?");
        List<Object> parameters = new ArrayList<>(List.of(criteria.schoolYearId()));
        for (UUID school : new UUID[]{criteria.onlySchool(), criteria.schoolId()}) {
            if (school != null) {
                where.append(CONCERNS_SCHOOL);
                parameters.addAll(List.of(criteria.schoolYearId(), school, school));
            }
        }
        if (criteria.pairingId() != null) {
            where.append(" AND s.pairing_id = ?");
            parameters.add(criteria.pairingId());
        }
        if (criteria.from() != null) {
            where.append(" AND s.date >= ?");
            parameters.add(criteria.from());
        }
        if (criteria.to() != null) {
            where.append(" AND s.date <= ?");
            parameters.add(criteria.to());
        }
        if (criteria.status() != null) {
            where.append(" AND s.status = ?");
            parameters.add(criteria.status().name());
        }
        // Three short statements measured faster than one that does it all (0.5, 0.25 and 0.4 ms against 3.3 ms in
        // PostgreSQL for a page of 50 of 1,560 sessions): the page's rows, the total, and the page's pairings' names.
        String pageSql = "SELECT s.id, s.pairing_id, s.school_year_id, s.number, s.date, s.half_day, s.status, s.cancel_reason,"
                + " s.proposed_date, s.proposed_half_day, s.ics_sequence, s.version, s.coverage_at_risk, p.studio_school_id, p.studio_school_name"
                + " FROM session s JOIN pairing p ON p.id = s.pairing_id WHERE s.id = ANY(ARRAY(SELECT s.id FROM session s WHERE " + where
                + " ORDER BY s.date, s.half_day, s.number, s.id OFFSET ? LIMIT ?)) ORDER BY s.date, s.half_day, s.number, s.id";
        long offset = (long) page * size;
        List<Object> pageParameters = new ArrayList<>(parameters);
        pageParameters.add(offset);
        pageParameters.add(size);
        return em.unwrap(Session.class).doReturningWork(connection -> {
            List<Object[]> found = new ArrayList<>();
            try (PreparedStatement statement = prepare(connection, pageSql, pageParameters); ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Object[] row = new Object[15];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    found.add(row);
                }
            }
            // A page that is not full (and not past the end) tells the total without counting.
            long total = found.size() < size && (!found.isEmpty() || page == 0) ? offset + found.size()
                    : count(connection, where.toString(), parameters);
            Map<UUID, List<SchoolName>> residencies = new HashMap<>();
            Map<UUID, ConsultantName> consultants = new HashMap<>();
            if (!found.isEmpty()) {
                UUID[] pairingIds = found.stream().map(r -> (UUID) r[1]).distinct().toArray(UUID[]::new);
                try (PreparedStatement statement = prepare(connection, "SELECT pairing_id, 'R', position, school_id, name, NULL"
                        + " FROM pairing_residency_school WHERE pairing_id = ANY(?) UNION ALL SELECT pairing_id, 'C', position, staff_id, name, email"
                        + " FROM pairing_member WHERE pairing_id = ANY(?) AND team_role = ? ORDER BY 1, 2, 3", List.of(connection.createArrayOf("uuid", pairingIds),
                        connection.createArrayOf("uuid", pairingIds), Pairing.CONSULTANT)); ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        UUID pairingId = rs.getObject(1, UUID.class);
                        if ("R".equals(rs.getString(2))) {
                            residencies.computeIfAbsent(pairingId, k -> new ArrayList<>()).add(new SchoolName(rs.getObject(4, UUID.class), rs.getString(5)));
                        } else {
                            consultants.putIfAbsent(pairingId, new ConsultantName(rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6)));
                        }
                    }
                }
            }
            return new Rows(found.stream().map(r -> row(r, residencies.getOrDefault((UUID) r[1], List.of()), consultants.get((UUID) r[1]))).toList(), total);
        });
    }

    private static PreparedStatement prepare(Connection connection, String sql, List<Object> parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
        return statement;
    }

    private static long count(Connection connection, String where, List<Object> parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, "SELECT count(*) FROM session s WHERE " + where, parameters);
             ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static ListedRow row(Object[] r, List<SchoolName> residencies, ConsultantName consultant) {
        return new ListedRow((UUID) r[0], (UUID) r[1], (UUID) r[2], ((Number) r[3]).intValue(), ((java.sql.Date) r[4]).toLocalDate(),
                HalfDay.valueOf((String) r[5]), SessionStatus.valueOf((String) r[6]), (String) r[7], new SchoolName((UUID) r[13], (String) r[14]),
                List.copyOf(residencies), consultant, r[8] == null ? null : ((java.sql.Date) r[8]).toLocalDate(),
                r[9] == null ? null : HalfDay.valueOf((String) r[9]), ((Number) r[10]).intValue(), ((Number) r[11]).longValue(), (Boolean) r[12]);
    }
}
