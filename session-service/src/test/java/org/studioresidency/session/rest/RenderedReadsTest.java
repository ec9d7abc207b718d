package org.studioresidency.session.rest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.studioresidency.local.TestInfrastructure;
import org.studioresidency.session.DistrictFixture;
import org.studioresidency.session.service.PairingService;
import org.studioresidency.session.service.SchoolYearService;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class RenderedReadsTest {

    private static final String ADMIN = TestInfrastructure.token("district-admin");

    @Inject
    SchoolYearService schoolYears;
    @Inject
    PairingService pairings;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void shouldShowAChangeCommittedByAnotherReplicaInTheNextRead() throws SQLException {
        DistrictFixture district = new DistrictFixture(schoolYears, pairings);
        DistrictFixture.Pairing pairing = district.pairing("Kept Answer Elementary", DistrictFixture.consultant("Dr. Kept Answer"));
        String id = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"pairingId\":\"" + pairing.pairingId() + "\",\"date\":\"2026-10-06\",\"halfDay\":\"AM\"}")
                .post("/sessions").then().statusCode(201).extract().path("sessionId");
        String list = "/sessions?schoolYearId=" + district.schoolYearId;
        given().auth().oauth2(ADMIN).get("/sessions/" + id).then().statusCode(200).body("date", equalTo("2026-10-06"));
        given().auth().oauth2(ADMIN).get(list).then().statusCode(200).body("items[0].date", equalTo("2026-10-06"));
        String recordVersion = given().auth().oauth2(ADMIN).get("/sessions/" + id + "/record").then().statusCode(200).extract().header("ETag");

        // Another replica (or psql) moves the session: nothing in this process hears of it but the database.
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE session SET date = DATE '2026-10-13', version = version + 1 WHERE id = '" + id + "'");
        }

        given().auth().oauth2(ADMIN).get("/sessions/" + id).then().statusCode(200).body("date", equalTo("2026-10-13"));
        given().auth().oauth2(ADMIN).get(list).then().statusCode(200).body("items[0].date", equalTo("2026-10-13"));
        given().auth().oauth2(ADMIN).get("/sessions/" + id + "/record").then().statusCode(200).header("ETag", not(equalTo(recordVersion)));
    }

    @Test
    void shouldMoveTheReadRevisionOnWithEveryTableAReadCanShow() throws SQLException {
        List<String> without = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet tables = statement.executeQuery("""
                     SELECT t.tablename FROM pg_tables t WHERE t.schemaname = current_schema()
                       AND t.tablename NOT IN ('read_revision', 'flyway_schema_history', 'outbox_event', 'processed_event')
                       AND (SELECT count(*) FROM pg_trigger g WHERE g.tgrelid = format('%I', t.tablename)::regclass
                            AND g.tgname IN ('read_revision_on_change', 'read_revision_on_truncate')) < 2""")) {
            while (tables.next()) {
                without.add(tables.getString(1));
            }
        }
        assertThat(without).as("tables a later migration added without the read revision's triggers (see V52__read_revision.sql)")
                .isEmpty();
    }
}
