package org.studioresidency.notification.rest.problem;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finishes the OpenAPI document where annotations cannot: the roles that smallrye writes as bearer scopes (which a
 * bearer scheme has not, so generators and linters reject them) become the operation's description, and every error
 * answer without a body, such as the 401 and 403 added for {@code @RolesAllowed}, is documented as problem details.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ContractFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                rolesToDescription(operation);
                problemBodies(operation);
            }
        }
    }

    private static void rolesToDescription(Operation operation) {
        if (operation.getSecurity() == null) {
            return;
        }
        Set<String> roles = new LinkedHashSet<>();
        List<SecurityRequirement> plain = new ArrayList<>();
        for (SecurityRequirement requirement : operation.getSecurity()) {
            SecurityRequirement withoutScopes = OASFactory.createSecurityRequirement();
            for (Map.Entry<String, List<String>> scheme : requirement.getSchemes().entrySet()) {
                roles.addAll(scheme.getValue() == null ? List.of() : scheme.getValue());
                withoutScopes.addScheme(scheme.getKey());
            }
            plain.add(withoutScopes);
        }
        operation.setSecurity(plain);
        if (!roles.isEmpty()) {
            String line = "Roles: " + String.join(", ", roles) + ".";
            operation.setDescription(operation.getDescription() == null ? line : operation.getDescription() + "\n\n" + line);
        }
    }

    private static void problemBodies(Operation operation) {
        if (operation.getResponses() == null) {
            return;
        }
        operation.getResponses().getAPIResponses().forEach((code, response) -> {
            if ((code.startsWith("4") || code.startsWith("5")) && (response.getContent() == null || response.getContent().getMediaTypes().isEmpty())) {
                response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("Problem"))));
            }
        });
    }
}
