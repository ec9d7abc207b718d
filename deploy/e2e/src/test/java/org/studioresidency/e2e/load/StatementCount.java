package org.studioresidency.e2e.load;

import org.studioresidency.local.LocalStack;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;

/**
 * An experiment, not a measurement of speed: the SQL statements each read sends, counted from the services' logs
 * (run with {@code -Dload.countSql=true}, which logs every statement Hibernate sends). Requests go one at a time; the
 * statements the services' background jobs send (outbox relays, senders) in an idle window of the same length are
 * counted too and taken off.
 */
final class StatementCount {

    private static final int REQUESTS = 20;
    /** How Hibernate prints a statement with quarkus.hibernate-orm.log.sql (to standard output, highlighted). */
    private static final String SQL = "[Hibernate]";

    private StatementCount() {
    }

    static void print(LocalStack stack, List<PortalLoadBenchmark.Read> reads) {
        HttpClient client = HttpClient.newHttpClient();
        System.out.println("\n| read | statements per request | statements seen | idle statements | kinds (first 140 characters) |");
        System.out.println("| --- | --- | --- | --- | --- |");
        for (PortalLoadBenchmark.Read read : reads) {
            var log = stack.logs().resolve(read.service() + ".log");
            send(client, read, 0);
            long start = size(log);
            long began = System.nanoTime();
            for (int i = 1; i <= REQUESTS; i++) {
                send(client, read, i);
            }
            long took = System.nanoTime() - began;
            LockSupport.parkNanos(200_000_000L);
            List<String> seen = sql(log, start);
            long idleStart = size(log);
            LockSupport.parkNanos(took + 200_000_000L);
            List<String> idle = sql(log, idleStart);
            Map<String, Integer> kinds = new TreeMap<>();
            seen.forEach(line -> kinds.merge(line.substring(0, Math.min(140, line.length())), 1, Integer::sum));
            System.out.printf("| %s | %.1f | %d | %d | %s |%n", read.name(), (seen.size() - idle.size()) / (double) REQUESTS, seen.size(),
                    idle.size(), kinds.toString().replace("|", "/"));
        }
    }

    private static void send(HttpClient client, PortalLoadBenchmark.Read read, int i) {
        try {
            HttpResponse<Void> response = client.send(read.request().apply(i), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() >= 400) {
                System.out.println(read.name() + " answered " + response.statusCode());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long size(java.nio.file.Path log) {
        return log.toFile().length();
    }

    /** The statements logged after {@code offset}, without the log line's time and thread. */
    private static List<String> sql(java.nio.file.Path log, long offset) {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            byte[] bytes = new byte[(int) (file.length() - offset)];
            file.seek(offset);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8).lines().map(l -> l.replaceAll("\u001B\\[[0-9;]*m", ""))
                    .filter(l -> l.contains(SQL)).map(l -> l.substring(l.indexOf(SQL) + SQL.length()).trim()).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
