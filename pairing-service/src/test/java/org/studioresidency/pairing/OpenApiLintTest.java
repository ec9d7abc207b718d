package org.studioresidency.pairing;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.studioresidency.local.OpenApiLint;
import org.studioresidency.local.TestInfrastructure;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The served OpenAPI document passes Spectral's {@code spectral:oas} rules (operationId and tags as errors) and this
 * project's portal rules with no error and no warning ({@link OpenApiLint}).
 */
@QuarkusTest
class OpenApiLintTest {

    @Test
    void shouldServeADocumentWithoutLintFindings() throws Exception {
        List<OpenApiLint.Finding> findings = OpenApiLint.lintServed();

        findings.forEach(finding -> System.out.println("OpenApiLintTest: " + finding.severity() + " " + finding));
        assertThat(findings).isEmpty();
    }

    @Test
    void shouldAllowOnOptionsOnlyTheMethodsTheDocumentLists() throws Exception {
        assertThat(OpenApiLint.undocumentedAllowedMethods(TestInfrastructure.token("district-admin"))).isEmpty();
    }
}
