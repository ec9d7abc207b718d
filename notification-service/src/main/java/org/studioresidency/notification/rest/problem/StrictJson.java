package org.studioresidency.notification.rest.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * Request bodies are read strictly: a field this API does not know, or a key given twice, is a 400 naming the field
 * (clients find their typos), rendered by {@link ProblemMappers}. Only REST bodies: the Kafka consumers stay tolerant
 * readers of other services' events, and the HR webhook parses its signed body itself.
 */
@Provider
public class StrictJson implements ContextResolver<ObjectMapper> {

    private final ObjectMapper strict;

    StrictJson(ObjectMapper json) {
        this.strict = json.copy()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return strict;
    }
}
