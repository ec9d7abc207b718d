package org.studioresidency.pairing.event;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import io.smallrye.common.annotation.Identifier;
import org.studioresidency.pairing.domain.OutboxEvent;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Sends outbox rows to Kafka with an idempotent producer that waits for every in-sync replica. */
@ApplicationScoped
public class KafkaEventPublisher {

    private final Map<String, Object> kafka;
    private volatile KafkaProducer<String, String> producer;

    /**
     * {@code kafka}: every {@code kafka.*} setting (and {@code KAFKA_*} variable) as Quarkus hands it to the Kafka
     * channels: bootstrap servers and the security settings (security.protocol, ssl.truststore.*, sasl.mechanism,
     * sasl.jaas.config), so the relay connects exactly as the consumers do.
     */
    KafkaEventPublisher(@Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.kafka = kafka;
    }

    /** The producer's settings: the shared client settings, then what the outbox relay needs, which nothing overrides. */
    static Map<String, Object> producerConfig(Map<String, Object> kafka, String clientId) {
        Map<String, Object> config = new HashMap<>(kafka);
        config.keySet().retainAll(ProducerConfig.configNames());
        config.putAll(Map.of(
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 25_000,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.CLIENT_ID_CONFIG, clientId));
        return config;
    }

    /** Returns once the broker has acknowledged every event, or throws. */
    public void publishAll(List<OutboxEvent> events) throws ExecutionException, InterruptedException, TimeoutException {
        KafkaProducer<String, String> kafka = producer();
        List<Future<RecordMetadata>> sent = new ArrayList<>(events.size());
        for (OutboxEvent event : events) {
            ProducerRecord<String, String> record = new ProducerRecord<>(event.topic, event.aggregateId, event.payload);
            record.headers().add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
            sent.add(kafka.send(record));
        }
        kafka.flush();
        for (Future<RecordMetadata> future : sent) {
            future.get(30, TimeUnit.SECONDS);
        }
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = new KafkaProducer<>(producerConfig(kafka, "pairing-service-outbox"), new StringSerializer(), new StringSerializer());
                }
            }
        }
        return producer;
    }

    @PreDestroy
    void close() {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }
}
