package org.studioresidency.session;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.studioresidency.local.OpenApiFuzzer;
import org.studioresidency.local.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bounded fuzzing pass over every operation of this service's OpenAPI document with an administrator's token
 * ({@link OpenApiFuzzer}): none may answer 5xx, and every error must be problem details.
 */
@QuarkusTest
class OpenApiFuzzTest {

    @Test
    void shouldAnswerNoFuzzedRequestWithA5xx() throws Exception {
        OpenApiFuzzer.Result result = OpenApiFuzzer.fuzz(TestInfrastructure.token("district-admin"));

        System.out.println("OpenApiFuzzTest: " + result.sent() + " requests, " + result.failures().size() + " 5xx or non-problem errors");
        assertThat(result.sent()).isPositive();
        assertThat(result.failures()).isEmpty();
    }
}
