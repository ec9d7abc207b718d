package org.studioresidency.session.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The read revision (V52__read_revision.sql): a number that every committed change to sessions, their records, coverage,
 * the calendar, consultants and the pairings it holds moves on, whichever replica or tool made it.
 */
@ApplicationScoped
public class ReadRevisionRepository {

    private final AgroalDataSource dataSource;

    ReadRevisionRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public long current() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT revision FROM read_revision WHERE id = 1");
             ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("The read revision could not be read", e);
        }
    }
}
