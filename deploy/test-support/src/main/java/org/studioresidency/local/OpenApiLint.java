package org.studioresidency.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.restassured.RestAssured;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules of Spectral's {@code spectral:oas} ruleset that are on by default for OpenAPI 3.x documents, in Java so the
 * build needs no Node.js, with {@code operation-operationId} and {@code operation-tags} raised to errors as the portal's
 * client generator needs them. Each rule follows Spectral's function of the same name
 * (stoplightio/spectral, packages/rulesets/src/oas); {@code oas3-schema} validates against the same JSON schemas,
 * copied under {@code spectral/}. Each service's {@code OpenApiLintTest} runs it on the served document and asserts
 * no finding; {@link #main} lints stored documents.
 */
public final class OpenApiLint {

    public enum Severity { ERROR, WARNING }

    /** One finding, printed as Spectral prints it: rule, where, what. */
    public record Finding(String rule, Severity severity, String path, String message) {
        @Override
        public String toString() {
            return rule + " " + path + " " + message;
        }
    }

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final List<String> COMPONENT_TYPES = List.of("schemas", "responses", "parameters", "examples", "requestBodies",
            "headers", "links", "callbacks");
    private static final Pattern PATH_TEMPLATE = Pattern.compile("\\{;?\\??[a-zA-Z0-9_-]+\\*?}");
    private static final Pattern VALID_IN_URL = Pattern.compile("^[A-Za-z0-9-._~:/?#\\[\\]@!$&'()*+,;=]*$");
    private static final Pattern SERVER_VARIABLE = Pattern.compile("\\{([^}]+)}");
    private static final Map<String, String> SCHEMA_COPIES = Map.of(
            "https://spec.openapis.org/oas/3.1/schema/2021-09-28", "classpath:spectral/oas3.1-schema.json",
            "https://spec.openapis.org/oas/3.1/dialect/base", "classpath:spectral/oas3.1-dialect.json",
            "https://spec.openapis.org/oas/3.1/meta/base", "classpath:spectral/oas3.1-meta.json",
            "https://stoplight.io/json-schema/draft/2020-12", "classpath:spectral/draft-2020-12.json",
            "https://stoplight.io/json-schema/draft/2020-12/meta/validation", "classpath:spectral/draft-2020-12-validation.json",
            "https://spec.openapis.org/oas/3.0/schema/2019-04-02", "classpath:spectral/oas3.0-schema.json");

    private final JsonNode doc;
    private final boolean oas30;
    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private final Set<Finding> findings = new LinkedHashSet<>();

    private OpenApiLint(JsonNode doc) {
        this.doc = doc;
        this.oas30 = doc.path("openapi").asText().startsWith("3.0");
        this.factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaMappers(mappers -> mappers.mappings(SCHEMA_COPIES)));
    }

    /** Every finding on the document, errors and warnings. */
    public static List<Finding> lint(JsonNode document) {
        OpenApiLint lint = new OpenApiLint(document);
        lint.run();
        return List.copyOf(lint.findings);
    }

    /** Every finding on the document the running service (at RestAssured's port) serves. */
    public static List<Finding> lintServed() throws IOException {
        JsonNode served = new ObjectMapper().readTree(RestAssured.given().accept("application/json").get("/q/openapi?format=json").asString());
        // The tests' own probe resources are in the test build only, not in the contract.
        List<String> probes = served.path("paths").properties().stream().map(Map.Entry::getKey).filter(path -> path.startsWith("/test-probe")).toList();
        Set<String> probeRefs = new HashSet<>();
        probes.forEach(path -> collectRefs(served.path("paths").path(path), probeRefs));
        ((ObjectNode) served.path("paths")).remove(probes);
        ObjectNode schemas = (ObjectNode) served.path("components").path("schemas");
        for (boolean removed = true; removed; ) {
            // Drop what only the probes used, and then what only that used.
            Set<String> probeSchemas = new HashSet<>();
            probeRefs.forEach(ref -> collectRefs(schemas.path(ref.substring(ref.lastIndexOf('/') + 1)), probeSchemas));
            probeRefs.addAll(probeSchemas);
            Set<String> contractRefs = new HashSet<>();
            collectRefs(served, contractRefs);
            removed = false;
            for (String ref : probeRefs) {
                if (!contractRefs.contains(ref) && schemas.remove(ref.substring(ref.lastIndexOf('/') + 1)) != null) {
                    removed = true;
                }
            }
        }
        return lint(served);
    }

    /**
     * Each path of the served document whose answer to OPTIONS (with the given token) allows a method the document does
     * not list for that path, as "path: Allow header"; a client believes the Allow header.
     */
    public static List<String> undocumentedAllowedMethods(String token) throws IOException {
        JsonNode served = new ObjectMapper().readTree(RestAssured.given().accept("application/json").get("/q/openapi?format=json").asString());
        List<String> mismatches = new ArrayList<>();
        served.path("paths").fields().forEachRemaining(path -> {
            if (path.getKey().startsWith("/test-probe")) {
                return;
            }
            Set<String> documented = new HashSet<>(List.of("OPTIONS", "HEAD"));
            path.getValue().fieldNames().forEachRemaining(method -> documented.add(method.toUpperCase()));
            String concrete = path.getKey().replaceAll("\\{[^}]+}", "00000000-0000-4000-8000-000000000000");
            String allow = RestAssured.given().auth().oauth2(token).options(concrete).header("Allow");
            if (allow != null) {
                for (String method : allow.split(",")) {
                    if (!method.isBlank() && !documented.contains(method.trim().toUpperCase())) {
                        mismatches.add(path.getKey() + ": Allow " + allow);
                        break;
                    }
                }
            }
        });
        return mismatches;
    }

    /** Lints the documents named (JSON or YAML files) and exits 1 if any has a finding. */
    public static void main(String[] files) throws IOException {
        int count = 0;
        for (String file : files) {
            ObjectMapper mapper = file.endsWith(".json") ? new ObjectMapper() : new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
            for (Finding finding : lint(mapper.readTree(Path.of(file).toFile()))) {
                System.out.println(file + ": " + finding.severity() + " " + finding);
                count++;
            }
        }
        System.exit(count == 0 ? 0 : 1);
    }

    private void run() {
        info();
        servers();
        tags();
        paths();
        walk(doc, new ArrayList<>());
        securityDefined();
        unusedComponents();
        documentSchema();
        portalContract();
    }

    private void add(String rule, Severity severity, List<Object> path, String message) {
        StringBuilder where = new StringBuilder();
        for (Object segment : path) {
            if (segment instanceof Integer i) {
                where.append('[').append(i).append(']');
            } else {
                where.append(where.isEmpty() ? "" : ".").append(segment);
            }
        }
        findings.add(new Finding(rule, severity, where.toString(), message));
    }

    private static List<Object> at(List<Object> path, Object... more) {
        List<Object> copy = new ArrayList<>(path);
        copy.addAll(List.of(more));
        return copy;
    }

    private static boolean truthy(JsonNode node) {
        return !(node.isMissingNode() || node.isNull() || (node.isTextual() && node.asText().isEmpty())
                || (node.isBoolean() && !node.asBoolean()) || (node.isNumber() && node.asDouble() == 0));
    }

    private void info() {
        if (!truthy(doc.path("info").path("contact"))) {
            add("info-contact", Severity.WARNING, List.of("info"), "Info object must have \"contact\" object.");
        }
        if (!truthy(doc.path("info").path("description"))) {
            add("info-description", Severity.WARNING, List.of("info"), "Info \"description\" must be present and non-empty string.");
        }
    }

    private void servers() {
        JsonNode servers = doc.path("servers");
        if (!servers.isArray() || servers.isEmpty() || !allObjects(servers)) {
            add("oas3-api-servers", Severity.WARNING, List.of("servers"), "OpenAPI \"servers\" must be present and non-empty array.");
        }
        serverList(servers, List.of("servers"));
    }

    private static boolean allObjects(JsonNode array) {
        for (JsonNode item : array) {
            if (!item.isObject()) {
                return false;
            }
        }
        return true;
    }

    private void serverList(JsonNode servers, List<Object> path) {
        for (int i = 0; i < servers.size(); i++) {
            JsonNode server = servers.get(i);
            String url = server.path("url").asText("");
            if (url.matches(".*./$")) {
                add("oas3-server-trailing-slash", Severity.WARNING, at(path, i, "url"), "Server URL must not have trailing slash.");
            }
            serverVariables(server, url, at(path, i));
        }
    }

    private void serverVariables(JsonNode server, String url, List<Object> path) {
        Set<String> used = new LinkedHashSet<>();
        Matcher matcher = SERVER_VARIABLE.matcher(url);
        while (matcher.find()) {
            used.add(matcher.group(1));
        }
        JsonNode variables = server.path("variables");
        List<String> missing = used.stream().filter(v -> !variables.has(v)).toList();
        if (!missing.isEmpty()) {
            add("oas3-server-variables", Severity.ERROR, at(path, "variables"),
                    "Not all server's variables are described with \"variables\" object. Missing: " + String.join(", ", missing) + ".");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> variable = it.next();
            if (!used.contains(variable.getKey())) {
                add("oas3-server-variables", Severity.ERROR, at(path, "variables", variable.getKey()),
                        "Server's \"variables\" object has unused defined \"" + variable.getKey() + "\" variable.");
            }
            JsonNode def = variable.getValue().path("default");
            if (!def.isTextual()) {
                add("oas3-server-variables", Severity.ERROR, at(path, "variables", variable.getKey()),
                        "Server's \"variables." + variable.getKey() + "\" must have default value.");
            } else if (variable.getValue().path("enum").isArray() && !contains(variable.getValue().path("enum"), def)) {
                add("oas3-server-variables", Severity.ERROR, at(path, "variables", variable.getKey(), "default"),
                        "Server's \"variables." + variable.getKey() + "\" has a default not listed in the enum.");
            }
        }
        if (missing.isEmpty()) {
            String substituted = url;
            for (String name : used) {
                substituted = substituted.replace("{" + name + "}", variables.path(name).path("default").asText(""));
            }
            try {
                URI uri = new URI(substituted);
                if (!uri.isAbsolute() && !substituted.startsWith("/")) {
                    add("oas3-server-variables", Severity.ERROR, at(path, "url"), "A valid server URL must result from substituting its variables.");
                }
            } catch (java.net.URISyntaxException e) {
                add("oas3-server-variables", Severity.ERROR, at(path, "url"), "A valid server URL must result from substituting its variables.");
            }
        }
    }

    private static boolean contains(JsonNode array, JsonNode value) {
        for (JsonNode item : array) {
            if (item.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private Set<String> globalTags() {
        Set<String> names = new HashSet<>();
        doc.path("tags").forEach(tag -> {
            if (tag.path("name").isTextual()) {
                names.add(tag.path("name").asText());
            }
        });
        return names;
    }

    private void tags() {
        JsonNode tags = doc.path("tags");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < tags.size(); i++) {
            String name = tags.get(i).path("name").asText();
            if (!seen.add(name)) {
                add("openapi-tags-uniqueness", Severity.ERROR, List.of("tags", i, "name"), "\"tags[" + i + "]\" must not duplicate the tag \"" + name + "\".");
            }
        }
    }

    private void paths() {
        Set<String> globalTags = globalTags();
        Map<String, String> normalized = new HashMap<>();
        Set<String> operationIds = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String path = entry.getKey();
            JsonNode item = entry.getValue();
            List<Object> where = List.of("paths", path);
            if (path.contains("{}")) {
                add("path-declarations-must-exist", Severity.WARNING, where, "Path parameter declarations must not be empty, ex.\"/given/{}\" is invalid.");
            }
            if (path.matches(".+/$")) {
                add("path-keys-no-trailing-slash", Severity.WARNING, where, "Path must not end with slash.");
            }
            if (path.contains("?")) {
                add("path-not-include-query", Severity.WARNING, where, "Path must not include query string.");
            }
            String key = PATH_TEMPLATE.matcher(path).replaceAll("%");
            if (normalized.containsKey(key)) {
                add("path-params", Severity.ERROR, where, "Paths \"" + normalized.get(key) + "\" and \"" + path + "\" must not be equivalent.");
            } else {
                normalized.put(key, path);
            }
            List<String> templated = new ArrayList<>();
            Matcher matcher = PATH_TEMPLATE.matcher(path);
            while (matcher.find()) {
                String name = matcher.group().replaceAll("[{}?*;]", "");
                if (templated.contains(name)) {
                    add("path-params", Severity.ERROR, where, "Path \"" + path + "\" must not use parameter \"{" + name + "}\" multiple times.");
                } else {
                    templated.add(name);
                }
            }
            Map<String, List<Object>> topParams = pathParams(item.path("parameters"), at(where, "parameters"));
            serverList(item.path("servers"), at(where, "servers"));
            for (String method : METHODS) {
                JsonNode operation = item.path(method);
                if (!operation.isObject()) {
                    continue;
                }
                List<Object> op = at(where, method);
                operation(operation, op, globalTags, operationIds);
                Map<String, List<Object>> defined = new HashMap<>(topParams);
                defined.putAll(pathParams(operation.path("parameters"), at(op, "parameters")));
                defined.forEach((name, location) -> {
                    if (!templated.contains(name)) {
                        add("path-params", Severity.ERROR, location, "Parameter \"" + name + "\" must be used in path \"" + path + "\".");
                    }
                });
                for (String name : templated) {
                    if (!defined.containsKey(name)) {
                        add("path-params", Severity.ERROR, op, "Operation must define parameter \"{" + name + "}\" as expected by path \"" + path + "\".");
                    }
                }
            }
        }
    }

    private Map<String, List<Object>> pathParams(JsonNode parameters, List<Object> where) {
        Map<String, List<Object>> named = new HashMap<>();
        for (int i = 0; i < parameters.size(); i++) {
            JsonNode p = parameters.get(i);
            if (!"path".equals(p.path("in").asText()) || !p.has("name")) {
                continue;
            }
            String name = p.path("name").asText();
            if (!p.path("required").asBoolean(false)) {
                add("path-params", Severity.ERROR, at(where, i), "Path parameter \"" + name + "\" must have \"required\" property that is set to \"true\".");
            }
            if (named.containsKey(name)) {
                add("path-params", Severity.ERROR, at(where, i), "Path parameter \"" + name + "\" must not be defined multiple times.");
            } else {
                named.put(name, at(where, i));
            }
        }
        return named;
    }

    private void operation(JsonNode operation, List<Object> op, Set<String> globalTags, Set<String> operationIds) {
        JsonNode responses = operation.path("responses");
        if (responses.isObject()) {
            boolean success = false;
            for (Iterator<String> codes = responses.fieldNames(); codes.hasNext(); ) {
                String code = codes.next();
                success |= code.equals("2XX") || code.equals("3XX") || (code.matches("\\d+") && Integer.parseInt(code) >= 200 && Integer.parseInt(code) < 400);
            }
            if (!success) {
                add("operation-success-response", Severity.WARNING, at(op, "responses"), "Operation must define at least a single 2xx or 3xx response");
            }
        }
        JsonNode id = operation.path("operationId");
        if (!truthy(id)) {
            add("operation-operationId", Severity.ERROR, op, "Operation must have \"operationId\".");
        } else {
            if (!operationIds.add(id.asText())) {
                add("operation-operationId-unique", Severity.ERROR, at(op, "operationId"), "operationId must be unique.");
            }
            if (!VALID_IN_URL.matcher(id.asText()).matches()) {
                add("operation-operationId-valid-in-url", Severity.WARNING, at(op, "operationId"), "operationId must not characters that are invalid when used in URL.");
            }
        }
        if (!truthy(operation.path("description"))) {
            add("operation-description", Severity.WARNING, op, "Operation \"description\" must be present and non-empty string.");
        }
        JsonNode tags = operation.path("tags");
        if (!tags.isArray() || tags.isEmpty()) {
            add("operation-tags", Severity.ERROR, op, "Operation must have non-empty \"tags\" array.");
        } else {
            for (int i = 0; i < tags.size(); i++) {
                if (!globalTags.contains(tags.get(i).asText())) {
                    add("operation-tag-defined", Severity.WARNING, at(op, "tags", i), "Operation tags must be defined in global tags.");
                }
            }
        }
        JsonNode parameters = operation.path("parameters");
        Set<String> fingerprints = new HashSet<>();
        for (int i = 0; parameters.size() > 1 && i < parameters.size(); i++) {
            JsonNode p = parameters.get(i);
            if (p.isObject() && !p.has("$ref") && !fingerprints.add(p.path("in").asText() + "-" + p.path("name").asText())) {
                add("operation-parameters", Severity.WARNING, at(op, "parameters", i),
                        "A parameter in this operation already exposes the same combination of \"name\" and \"in\" values.");
            }
        }
        serverList(operation.path("servers"), at(op, "servers"));
        for (Iterator<Map.Entry<String, JsonNode>> callbacks = operation.path("callbacks").fields(); callbacks.hasNext(); ) {
            Map.Entry<String, JsonNode> callback = callbacks.next();
            callback.getValue().fields().forEachRemaining(expression -> expression.getValue().fields().forEachRemaining(method -> {
                if (method.getValue().has("callbacks")) {
                    add("oas3-callbacks-in-callbacks", Severity.WARNING, at(op, "callbacks", callback.getKey(), expression.getKey(), method.getKey(), "callbacks"),
                            "Callbacks should not be defined within a callback");
                }
            }));
        }
    }

    /** The rules Spectral applies with a recursive JSONPath ({@code $..}): enums, arrays, markdown, examples, $ref siblings. */
    private void walk(JsonNode node, List<Object> path) {
        String property = path.isEmpty() ? null : String.valueOf(path.get(path.size() - 1));
        if (node.isObject()) {
            JsonNode enumValues = node.path("enum");
            if (!"properties".equals(property) && enumValues.isArray()) {
                Set<JsonNode> seen = new HashSet<>();
                for (int i = 0; i < enumValues.size(); i++) {
                    if (!seen.add(enumValues.get(i))) {
                        add("duplicated-entry-in-enum", Severity.WARNING, at(path, "enum"),
                                "\"enum\" property must not have duplicate items (items ## " + i + " and earlier are identical)");
                    }
                }
            }
            if (enumValues.isArray() && node.has("type")) {
                typedEnum(node, path);
            }
            if (isArrayType(node.path("type")) && !truthy(node.path("items"))) {
                add("array-items", Severity.ERROR, path, "Schemas with \"type: array\", require a sibling \"items\" field");
            }
            for (String field : List.of("description", "title")) {
                String text = node.path(field).asText("");
                if (text.contains("eval(")) {
                    add("no-eval-in-markdown", Severity.WARNING, at(path, field), "Markdown descriptions must not have \"eval(\".");
                }
                if (text.contains("<script")) {
                    add("no-script-tags-in-markdown", Severity.WARNING, at(path, field), "Markdown descriptions must not have \"<script>\" tags.");
                }
            }
            if (oas30 && node.has("$ref") && node.size() > 1) {
                node.fieldNames().forEachRemaining(key -> {
                    if (!key.equals("$ref")) {
                        add("no-$ref-siblings", Severity.ERROR, at(path, key), "$ref must not be placed next to any other properties");
                    }
                });
            }
            examples(node, path, property);
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                walk(field.getValue(), at(path, field.getKey()));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), at(path, i));
            }
        }
    }

    private static boolean isArrayType(JsonNode type) {
        return "array".equals(type.asText()) || (type.isArray() && contains(type, com.fasterxml.jackson.databind.node.TextNode.valueOf("array")));
    }

    private void typedEnum(JsonNode node, List<Object> path) {
        List<String> types = new ArrayList<>();
        if (node.path("type").isArray()) {
            node.path("type").forEach(t -> types.add(t.asText()));
        } else {
            types.add(node.path("type").asText());
        }
        if (oas30 && node.path("nullable").asBoolean(false)) {
            types.add("null");
        }
        boolean integers = types.contains("integer");
        JsonNode values = node.path("enum");
        for (int i = 0; i < values.size(); i++) {
            JsonNode value = values.get(i);
            String type = value.isTextual() ? "string" : value.isBoolean() ? "boolean" : value.isNull() ? "null" : value.isArray() ? "array"
                    : value.isObject() ? "object" : integers && value.canConvertToExactIntegral() ? "integer" : "number";
            if (!types.contains(type)) {
                add("typed-enum", Severity.WARNING, at(path, "enum", i), "Enum value " + value + " must be \"" + String.join(",", types) + "\".");
            }
        }
    }

    /** oas3-examples-value-or-externalValue, oas3-valid-media-example and oas3-valid-schema-example. */
    private void examples(JsonNode node, List<Object> path, String property) {
        boolean underMedia = path.contains("content") || path.contains("headers") || path.contains("parameters");
        boolean underSchemas = path.size() > 2 && path.get(0).equals("components") && path.get(1).equals("schemas");
        if (path.size() >= 1 && "examples".equals(property) && path.size() >= 2) {
            boolean exampleMap = (path.size() == 2 && path.get(0).equals("components"))
                    || (path.get(0).equals("paths") && underMedia) || (path.get(0).equals("components") && underMedia);
            if (exampleMap && node.isObject() && !node.has("type")) {
                node.fields().forEachRemaining(example -> {
                    if (example.getValue().isObject() && example.getValue().has("value") == example.getValue().has("externalValue")) {
                        add("oas3-examples-value-or-externalValue", Severity.WARNING, at(path, example.getKey()),
                                "Examples must have either \"value\" or \"externalValue\" field.");
                    }
                });
            }
        }
        if (underMedia && node.has("schema") && (node.has("example") || node.has("examples"))) {
            JsonNode schema = node.path("schema");
            if (node.has("example")) {
                validateExample("oas3-valid-media-example", schema, node.path("example"), at(path, "example"));
            } else if (node.path("examples").isObject()) {
                node.path("examples").fields().forEachRemaining(example -> {
                    if (example.getValue().isObject() && !example.getValue().has("externalValue")) {
                        validateExample("oas3-valid-media-example", schema, example.getValue().path("value"), at(path, "examples", example.getKey(), "value"));
                    }
                });
            }
        }
        if (underSchemas && !"properties".equals(property) && node.path("examples").isArray()) {
            // Spectral checks only example and default; 3.1 schemas carry JSON Schema's examples, checked the same way here.
            for (int i = 0; i < node.path("examples").size(); i++) {
                validateExample("portal-valid-schema-examples", node, node.path("examples").get(i), at(path, "examples", i));
            }
        }
        if ((underMedia || underSchemas) && !"properties".equals(property) && (node.has("example") || node.has("default"))
                && (node.has("enum") || node.has("type") || node.has("format") || node.has("$ref") || node.has("properties") || node.has("items"))) {
            for (String field : List.of("example", "default")) {
                if (node.has(field)) {
                    validateExample("oas3-valid-schema-example", node, node.path(field), at(path, field));
                }
            }
        }
    }

    /** Validates an example as Spectral does with ajv: the schema as root, with this document's components for its $refs. */
    private void validateExample(String rule, JsonNode schema, JsonNode example, List<Object> path) {
        if (!schema.isObject() || example.isMissingNode()) {
            return;
        }
        ObjectNode root = schema.deepCopy();
        root.set("components", doc.path("components").deepCopy());
        if (oas30) {
            nullableToType(root);
        }
        JsonSchema compiled = factory.getSchema(root, config);
        for (ValidationMessage message : compiled.validate(example)) {
            add(rule, Severity.ERROR, path, message.getMessage());
        }
    }

    /** OpenAPI 3.0's {@code nullable: true} as JSON Schema's type list, as ajv's nullable keyword treats it. */
    private static void nullableToType(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.path("nullable").asBoolean(false) && object.path("type").isTextual()) {
                ArrayNode types = object.arrayNode().add(object.path("type").asText()).add("null");
                object.set("type", types);
            }
            object.forEach(OpenApiLint::nullableToType);
        } else if (node instanceof ArrayNode array) {
            array.forEach(OpenApiLint::nullableToType);
        }
    }

    private void securityDefined() {
        JsonNode schemes = doc.path("components").path("securitySchemes");
        requirements(doc.path("security"), List.of("security"), schemes, "API");
        doc.path("paths").fields().forEachRemaining(path -> {
            for (String method : METHODS) {
                JsonNode operation = path.getValue().path(method);
                requirements(operation.path("security"), List.of("paths", path.getKey(), method, "security"), schemes, "Operation");
            }
        });
    }

    private void requirements(JsonNode security, List<Object> where, JsonNode schemes, String object) {
        for (int i = 0; i < security.size(); i++) {
            for (Iterator<Map.Entry<String, JsonNode>> it = security.get(i).fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> requirement = it.next();
                JsonNode scheme = schemes.path(requirement.getKey());
                if (!scheme.isObject()) {
                    add("oas3-operation-security-defined", Severity.WARNING, at(where, i, requirement.getKey()),
                            object + " \"security\" values must match a scheme defined in the \"components.securitySchemes\" object.");
                    continue;
                }
                for (int s = 0; s < requirement.getValue().size(); s++) {
                    String scope = requirement.getValue().get(s).asText();
                    boolean listed = false;
                    for (JsonNode flow : scheme.path("flows")) {
                        listed |= flow.path("scopes").has(scope);
                    }
                    if (!listed) {
                        add("oas3-operation-security-defined", Severity.WARNING, at(where, i, requirement.getKey(), s), "\"" + scope + "\" must be listed among scopes.");
                    }
                }
            }
        }
    }

    private void unusedComponents() {
        Set<String> refs = new HashSet<>();
        collectRefs(doc, refs);
        JsonNode components = doc.path("components");
        for (String type : COMPONENT_TYPES) {
            components.path(type).fieldNames().forEachRemaining(name -> {
                if (!refs.contains("#/components/" + type + "/" + name)) {
                    add("oas3-unused-component", Severity.WARNING, List.of("components", type, name), "Potentially unused component has been detected.");
                }
            });
        }
    }

    private static void collectRefs(JsonNode node, Set<String> refs) {
        if (node.isObject() && node.path("$ref").isTextual()) {
            refs.add(node.path("$ref").asText().replace("~1", "/").replace("~0", "~"));
        }
        if (node.isContainerNode()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }

    /**
     * This project's own rules for a portal that generates its client (not Spectral's, prefixed {@code portal-}): every
     * success answer but 204 names its body's schema, every error status is problem details, every request body has an
     * example.
     */
    private void portalContract() {
        doc.path("paths").fields().forEachRemaining(path -> {
            for (String method : METHODS) {
                JsonNode operation = path.getValue().path(method);
                if (!operation.isObject()) {
                    continue;
                }
                List<Object> op = List.of("paths", path.getKey(), method);
                operation.path("responses").fields().forEachRemaining(response -> {
                    String code = response.getKey();
                    List<Object> where = at(op, "responses", code);
                    JsonNode content = response.getValue().path("content");
                    if (code.startsWith("2") && !code.equals("204") && !hasSchema(content)) {
                        add("portal-success-schema", Severity.ERROR, where, "A success answer must name its body's schema.");
                    }
                    if ((code.startsWith("4") || code.startsWith("5"))
                            && !content.path("application/problem+json").path("schema").path("$ref").asText().equals("#/components/schemas/Problem")) {
                        add("portal-problem-schema", Severity.ERROR, where, "An error answer must be application/problem+json with the Problem schema.");
                    }
                });
                operation.path("requestBody").path("content").fields().forEachRemaining(media -> {
                    JsonNode schema = resolve(media.getValue().path("schema"));
                    boolean example = media.getValue().has("example") || media.getValue().has("examples") || hasExample(schema)
                            || hasExample(resolve(schema.path("items")));
                    // A file upload's parts are files: nothing to show in an example.
                    if (!example && !media.getKey().equals("multipart/form-data")) {
                        add("portal-request-example", Severity.ERROR, at(op, "requestBody", "content", media.getKey()), "A request body must have an example.");
                    }
                });
            }
        });
    }

    /** OpenAPI 3.0's {@code example} or JSON Schema's {@code examples}, which smallrye writes for 3.1. */
    private static boolean hasExample(JsonNode schema) {
        return schema.has("example") || schema.path("examples").isArray();
    }

    private JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        return ref.startsWith("#/components/schemas/") ? doc.path("components").path("schemas").path(ref.substring(21)) : schema;
    }

    private static boolean hasSchema(JsonNode content) {
        for (JsonNode media : content) {
            if (media.has("schema")) {
                return true;
            }
        }
        return false;
    }

    /** oas3-schema: the document's structure against the OpenAPI schema Spectral validates it with. */
    private void documentSchema() {
        String id = oas30 ? "https://spec.openapis.org/oas/3.0/schema/2019-04-02" : "https://spec.openapis.org/oas/3.1/schema/2021-09-28";
        JsonSchema schema = factory.getSchema(com.networknt.schema.SchemaLocation.of(id), config);
        for (ValidationMessage message : schema.validate(doc)) {
            if ("if".equals(message.getType()) || "errorMessage".equals(message.getType())) {
                continue;
            }
            List<Object> path = new ArrayList<>();
            for (int i = 0; i < message.getInstanceLocation().getNameCount(); i++) {
                Object segment = message.getInstanceLocation().getElement(i);
                path.add(segment instanceof Integer index ? index : String.valueOf(segment));
            }
            String text = message.getMessage();
            String prefix = message.getInstanceLocation() + ": ";
            add("oas3-schema", Severity.ERROR, path, text.startsWith(prefix) ? text.substring(prefix.length()) : text);
        }
    }
}
