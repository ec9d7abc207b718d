package org.studioresidency.local;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code deploy/local/run [--reset] [--token ROLE [SCHOOL_ID]]}: starts the whole system and waits for Ctrl-C,
 * or prints one development token.
 */
public final class LocalStackCommand {

    private static final List<String> ROLES = List.of("district-admin", "viewer", "hr-system");

    public static void main(String[] args) throws IOException, InterruptedException {
        Path repository = Path.of(System.getProperty("studio.repository", ".")).toAbsolutePath().normalize();
        Path data = repository.resolve("deploy/local/.data");
        List<String> arguments = new ArrayList<>(List.of(args));
        if (arguments.contains("--help") || arguments.contains("-h")) {
            System.out.println("""
                    Usage: deploy/local/run [--reset] [--token ROLE [SCHOOL_ID]]
                      (no flag)   start PostgreSQL, Kafka, SMTP and the three services; Ctrl-C stops everything
                      --reset     delete the local data (databases, topics, keys) before starting
                      --token     print one development bearer token and exit; ROLE is district-admin, principal,
                                  viewer or hr-system; a principal token names the school id it leads
                    """);
            return;
        }
        int tokenAt = arguments.indexOf("--token");
        if (tokenAt >= 0) {
            String role = arguments.size() > tokenAt + 1 ? arguments.get(tokenAt + 1) : "district-admin";
            String school = arguments.size() > tokenAt + 2 ? arguments.get(tokenAt + 2) : null;
            System.out.println(DevIdentity.in(data.resolve("identity")).token("dev-" + role, role, school));
            return;
        }
        if (arguments.contains("--reset")) {
            LocalStack.log("Deleting " + data);
            LocalStack.deleteRecursively(data);
        }
        LocalStack stack = new LocalStack(repository, data, LocalStack.Ports.defaults(), Map.of());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LocalStack.log("Stopping everything...");
            stack.close();
            LocalStack.log("Stopped.");
            stopped.countDown();
        }, "local-stack-stop"));
        try {
            stack.start();
        } catch (RuntimeException e) {
            System.err.println("[local-stack] " + e.getMessage());
            System.exit(1);
        }
        printWelcome(stack);
        stopped.await();
    }

    private static void printWelcome(LocalStack stack) {
        StringBuilder out = new StringBuilder("\nThe studio/residency system is up. Ctrl-C stops everything.\n\n");
        for (String service : LocalStack.SERVICES) {
            out.append(String.format("  %-22s %s   (Swagger UI: %s/q/swagger-ui, OpenAPI: %s/q/openapi; health and metrics: %s/q/health, /q/metrics)%n",
                    service, stack.serviceUrl(service), stack.serviceUrl(service), stack.serviceUrl(service), stack.managementUrl(service)));
        }
        out.append(String.format("  %-22s smtp://127.0.0.1:%d   (received mail: %s/messages)%n", "mail", stack.mail().smtpPort(),
                stack.mail().httpUrl()));
        out.append(String.format("  %-22s %s%n", "kafka", stack.kafka().bootstrapServers()));
        out.append(String.format("  %-22s %s   (jobs: %s/sandbox/jobs; protocol: deploy/HR-PROTOCOL.md)%n", "HR sandbox",
                stack.hr().url(), stack.hr().url()));
        out.append(String.format("  %-22s %s%n%n", "logs", stack.logs()));
        out.append("Development bearer tokens (valid 12 h; paste into Swagger UI's Authorize, or curl -H \"Authorization: Bearer ...\"):\n");
        for (String role : ROLES) {
            out.append("  ").append(role).append(":\n    ").append(stack.identity().token("dev-" + role, role, null)).append('\n');
        }
        out.append("  principal: deploy/local/run --token principal <school-id>\n");
        System.out.println(out);
    }
}
