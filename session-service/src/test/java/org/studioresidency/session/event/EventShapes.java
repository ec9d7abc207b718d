package org.studioresidency.session.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.studioresidency.local.TestInfrastructure;
import org.studioresidency.local.TopicReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads events this service really published and compares their field names with the contract's examples. */
public final class EventShapes {

    private static final Path EXAMPLES = Path.of("src/test/resources/asyncapi/examples");
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventShapes() {
    }

    /** The first event of this type about the session on the district.session topic. */
    public static JsonNode published(String sessionId, String type) {
        List<ConsumerRecord<String, String>> records = TopicReader.read(TestInfrastructure.kafkaBootstrapServers(), Topics.SESSION,
                rs -> rs.stream().anyMatch(r -> sessionId.equals(r.key()) && r.value().contains(type)), Duration.ofSeconds(30));
        for (ConsumerRecord<String, String> record : records) {
            JsonNode node = read(record.value());
            if (sessionId.equals(record.key()) && type.equals(node.path("type").asText())) {
                return node;
            }
        }
        throw new AssertionError("No " + type + " event for session " + sessionId);
    }

    /** The first event of this type about the coverage request on the district.coverage topic. */
    public static JsonNode coverage(String requestId, String type) {
        List<ConsumerRecord<String, String>> records = TopicReader.read(TestInfrastructure.kafkaBootstrapServers(), Topics.COVERAGE,
                rs -> rs.stream().anyMatch(r -> requestId.equals(r.key()) && r.value().contains(type)), Duration.ofSeconds(30));
        for (ConsumerRecord<String, String> record : records) {
            JsonNode node = read(record.value());
            if (requestId.equals(record.key()) && type.equals(node.path("type").asText())) {
                return node;
            }
        }
        throw new AssertionError("No " + type + " event for coverage request " + requestId);
    }

    /** The first event of this type about the pairing on the district.report topic. */
    public static JsonNode report(String pairingId, String type) {
        List<ConsumerRecord<String, String>> records = TopicReader.read(TestInfrastructure.kafkaBootstrapServers(), Topics.REPORT,
                rs -> rs.stream().anyMatch(r -> pairingId.equals(r.key()) && r.value().contains(type)), Duration.ofSeconds(30));
        for (ConsumerRecord<String, String> record : records) {
            JsonNode node = read(record.value());
            if (pairingId.equals(record.key()) && type.equals(node.path("type").asText())) {
                return node;
            }
        }
        throw new AssertionError("No " + type + " event for pairing " + pairingId);
    }

    public static void assertSameFieldsAsExample(JsonNode event, String type) {
        JsonNode example;
        try {
            example = JSON.readTree(EXAMPLES.resolve(type + ".json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(fields(event, "")).as(type).isEqualTo(fields(example, ""));
    }

    private static JsonNode read(String value) {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every field path in the document; array elements share the path of their array. */
    private static Set<String> fields(JsonNode node, String path) {
        Set<String> paths = new TreeSet<>();
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String child = path + "/" + field.getKey();
                paths.add(child);
                paths.addAll(fields(field.getValue(), child));
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                paths.addAll(fields(element, path + "[]"));
            }
        }
        return paths;
    }
}
