package org.studioresidency.local;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.Map;

/**
 * Gives a service's {@code @QuarkusTest}s their own PostgreSQL database, the Kafka broker and the SMTP server.
 * Arguments: {@code database} (the service's database name).
 */
public class DistrictInfraTestResource implements QuarkusTestResourceLifecycleManager {

    private String database = "app";

    @Override
    public void init(Map<String, String> args) {
        database = args.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        TestInfrastructure.ensureStarted();
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", TestInfrastructure.jdbcUrl(database));
        config.put("quarkus.datasource.username", PostgresServer.USER);
        config.put("quarkus.datasource.password", PostgresServer.PASSWORD);
        config.put("kafka.bootstrap.servers", TestInfrastructure.kafkaBootstrapServers());
        config.put("quarkus.mailer.host", "127.0.0.1");
        config.put("quarkus.mailer.port", String.valueOf(TestInfrastructure.smtpPort()));
        config.put("quarkus.mailer.mock", "false");
        config.put("mp.jwt.verify.publickey.location", TestInfrastructure.identity().publicKeyFile().toString());
        config.put("mp.jwt.verify.issuer", DevIdentity.ISSUER);
        return config;
    }

    @Override
    public void stop() {
        // The servers are shared by the whole test JVM and stop with it.
    }
}
