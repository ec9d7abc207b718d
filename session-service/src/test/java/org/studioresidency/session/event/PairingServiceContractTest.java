package org.studioresidency.session.event;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.studioresidency.session.service.PairingService;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every event pairing-service documents can be read by this service's reader types. */
class PairingServiceContractTest {

    private static final Path EXAMPLES = Path.of("../pairing-service/src/test/resources/asyncapi/examples");
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @Test
    void shouldReadEveryExampleOfPairingServiceWithItsReaderType() throws IOException {
        List<Path> examples;
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            examples = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(examples).isNotEmpty();
        for (Path example : examples) {
            IncomingEvent event = json.readValue(example.toFile(), IncomingEvent.class);
            assertThat(event.id()).as(example.toString()).isNotBlank();
            Class<?> reader = EventReaders.BY_TYPE.get(event.type());
            assertThat(reader).as("reader for %s", event.type()).isNotNull();
            Object data = json.treeToValue(event.data(), reader);
            assertThat(data).as(example.toString()).hasNoNullFieldsOrPropertiesExcept("principal", "schoolId", "active", "externalId", "email");
        }
    }

    @Test
    void shouldReadTheTeamOfAConfirmedPairingWithItsConsultant() throws IOException {
        JsonNode event = json.readTree(EXAMPLES.resolve("district.pairing.confirmed.v1.json").toFile());
        PairingService.PairingTeamAnnounced pairing = json.treeToValue(event.get("data"), PairingService.PairingTeamAnnounced.class);
        assertThat(pairing.team()).anySatisfy(m -> assertThat(m.teamRole()).isEqualTo("CONSULTANT"));
        assertThat(pairing.teamVersion()).isPositive();
        assertThat(pairing.residencySchools()).isNotEmpty();
    }
}
