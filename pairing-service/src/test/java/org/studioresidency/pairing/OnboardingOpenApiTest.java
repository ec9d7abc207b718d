package org.studioresidency.pairing;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The onboarding calls are in the OpenAPI document a portal generates its client from. */
@QuarkusTest
class OnboardingOpenApiTest {

    private JsonPath document;

    @BeforeEach
    void readDocument() {
        document = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
    }

    private Map<String, Object> operation(String operationId) {
        Map<String, Map<String, Map<String, Object>>> paths = document.getMap("paths");
        return paths.values().stream().flatMap(p -> p.values().stream())
                .filter(o -> operationId.equals(o.get("operationId"))).findFirst()
                .orElseThrow(() -> new AssertionError("no operation " + operationId));
    }

    @SuppressWarnings("unchecked")
    private List<String> parameters(String operationId) {
        return ((List<Map<String, Object>>) operation(operationId).get("parameters")).stream().map(p -> (String) p.get("name")).toList();
    }

    @Test
    void shouldDocumentTheExternalIdFilterOfSchoolsAndStaff() {
        assertThat(parameters("listSchools")).contains("externalId");
        assertThat(parameters("listStaff")).contains("externalId");
    }

    @Test
    void shouldDocumentTheIdOfEachImportedRow() {
        assertThat(document.getMap("components.schemas.Row.properties")).containsKey("id");
    }

    @Test
    void shouldDocumentTheBulkDesignationsTheConfirmationBodyAndTheParticipantsCall() {
        assertThat(operation("putDesignations")).containsKey("requestBody");
        assertThat(operation("importDesignations")).containsKey("requestBody");
        assertThat(operation("confirmMatching")).containsKey("requestBody");
        assertThat(operation("setParticipants")).containsKey("requestBody");
        assertThat(document.getMap("components.schemas.PairingResponse.properties")).containsKeys("etag", "yearRevision");
        assertThat(document.getMap("components.schemas.StaffResponse.properties")).containsKeys("grade", "grades");
    }
}
