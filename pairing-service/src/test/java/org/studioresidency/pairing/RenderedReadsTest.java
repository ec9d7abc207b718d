package org.studioresidency.pairing;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.studioresidency.pairing.DistrictFixtures.ADMIN;

@QuarkusTest
class RenderedReadsTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void shouldShowAChangeCommittedByAnotherReplicaInTheNextRead() throws SQLException {
        UUID school = DistrictFixtures.school("Kept Answer Elementary");
        String name = DistrictFixtures.unique("Kept");
        given().auth().oauth2(ADMIN).get("/schools/{id}", school).then().statusCode(200).body("name", equalTo("Kept Answer Elementary"));
        given().auth().oauth2(ADMIN).queryParam("size", 200).get("/schools").then().statusCode(200)
                .body("items.name", hasItem("Kept Answer Elementary"));

        // Another replica (or psql) changes the row: nothing in this process hears of it but the database.
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE school SET name = '" + name + "', version = version + 1 WHERE id = '" + school + "'");
        }

        given().auth().oauth2(ADMIN).get("/schools/{id}", school).then().statusCode(200).body("name", equalTo(name));
        given().auth().oauth2(ADMIN).queryParam("size", 200).queryParam("name", name).get("/schools").then().statusCode(200)
                .body("items.name", hasItem(name));
    }

    @Test
    void shouldMoveTheReadRevisionOnWithEveryTableAReadCanShow() throws SQLException {
        List<String> without = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet tables = statement.executeQuery("""
                     SELECT t.tablename FROM pg_tables t WHERE t.schemaname = current_schema()
                       AND t.tablename NOT IN ('read_revision', 'flyway_schema_history', 'outbox_event')
                       AND (SELECT count(*) FROM pg_trigger g WHERE g.tgrelid = format('%I', t.tablename)::regclass
                            AND g.tgname IN ('read_revision_on_change', 'read_revision_on_truncate')) < 2""")) {
            while (tables.next()) {
                without.add(tables.getString(1));
            }
        }
        assertThat(without).as("tables a later migration added without the read revision's triggers (see V12__read_revision.sql)")
                .isEmpty();
    }
}
