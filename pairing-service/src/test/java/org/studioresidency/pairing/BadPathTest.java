package org.studioresidency.pairing;

import org.studioresidency.local.RawHttp;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.studioresidency.local.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class BadPathTest {

    private static final String ADMIN = TestInfrastructure.token("district-admin");

    @ParameterizedTest
    @ValueSource(strings = {"/schools/a%20b", "/schools/%7Bid%7D", "/schools/a%00b", "/q/health/ready/%C2%84", "/schools/%C2%9B",
            "/schools/%E2%80%AEtxt", "/schools/%FF", "/no%20such%20thing", "/q/health?x=%00", "/schools?name=a%00b"})
    void shouldAnswerAPathDecodingToIllegalCharactersWithABadRequestProblem(String path) {
        RawHttp.Answer answer = RawHttp.get(path, "Authorization: Bearer " + ADMIN);

        assertThat(answer.status()).as(answer.head() + "\n" + answer.body()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body()).contains("\"status\":400").doesNotContain("stack");
    }

    /** Quarkus itself refuses a request target that is no URI at all (400, empty body, nothing logged). */
    @ParameterizedTest
    @ValueSource(strings = {"/schools/{id}", "/schools/\u0084", "/schools/%zz"})
    void shouldRefuseARequestTargetThatIsNoUriWithoutAStackTrace(String path) {
        RawHttp.Answer answer = RawHttp.get(path, "Authorization: Bearer " + ADMIN);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).doesNotContain("stack").doesNotContain("Exception");
    }
}
