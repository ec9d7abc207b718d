package org.studioresidency.local;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/**
 * A real SMTP server (GreenMail) plus a small HTTP window onto what it received:
 * {@code GET /messages} (optionally {@code ?to=address}) returns every message as JSON with its MIME parts (binary
 * parts such as inline images also as base64),
 * {@code DELETE /messages} empties the box, {@code POST /smtp/stop} and {@code POST /smtp/start} simulate an outage.
 */
public final class MailCatcher implements AutoCloseable {

    private final int smtpPort;
    private final HttpServer http;
    private final List<MimeMessage> archived = new ArrayList<>();
    private GreenMail smtp;

    private MailCatcher(int smtpPort, int httpPort) throws IOException {
        this.smtpPort = smtpPort;
        startSmtp();
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", httpPort), 0);
        http.createContext("/messages", this::messages);
        http.createContext("/smtp", this::smtpControl);
        http.start();
    }

    public static MailCatcher start(int smtpPort, int httpPort) {
        try {
            return new MailCatcher(smtpPort, httpPort);
        } catch (IOException e) {
            throw new UncheckedIOException("The mail catcher could not bind port " + httpPort, e);
        }
    }

    public int smtpPort() {
        return smtpPort;
    }

    public String httpUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    public synchronized void stopSmtp() {
        if (smtp != null) {
            archived.addAll(Arrays.asList(smtp.getReceivedMessages()));
            smtp.stop();
            smtp = null;
        }
    }

    public synchronized void startSmtp() {
        if (smtp == null) {
            smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                    .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
            smtp.start();
        }
    }

    public synchronized List<MimeMessage> received() {
        List<MimeMessage> all = new ArrayList<>(archived);
        if (smtp != null) {
            all.addAll(Arrays.asList(smtp.getReceivedMessages()));
        }
        return all;
    }

    public synchronized void purge() {
        archived.clear();
        if (smtp != null) {
            try {
                smtp.purgeEmailFromAllMailboxes();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public void close() {
        http.stop(0);
        stopSmtp();
    }

    private void smtpControl(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if ("POST".equals(exchange.getRequestMethod()) && path.endsWith("/stop")) {
            stopSmtp();
            respond(exchange, 204, "");
        } else if ("POST".equals(exchange.getRequestMethod()) && path.endsWith("/start")) {
            startSmtp();
            respond(exchange, 204, "");
        } else {
            respond(exchange, 404, "{\"title\":\"Not Found\"}");
        }
    }

    private void messages(HttpExchange exchange) throws IOException {
        if ("DELETE".equals(exchange.getRequestMethod())) {
            purge();
            respond(exchange, 204, "");
            return;
        }
        String query = exchange.getRequestURI().getQuery();
        String to = query != null && query.startsWith("to=")
                ? java.net.URLDecoder.decode(query.substring(3), StandardCharsets.UTF_8) : null;
        StringJoiner json = new StringJoiner(",", "[", "]");
        for (MimeMessage message : received()) {
            try {
                List<String> recipients = addresses(message.getRecipients(Message.RecipientType.TO));
                if (to == null || recipients.stream().anyMatch(r -> r.equalsIgnoreCase(to))) {
                    json.add(toJson(message, recipients));
                }
            } catch (MessagingException e) {
                throw new IOException(e);
            }
        }
        respond(exchange, 200, json.toString());
    }

    private static String toJson(MimeMessage message, List<String> to) throws MessagingException, IOException {
        List<String> parts = new ArrayList<>();
        collectParts(message, parts);
        return "{" + field("messageId", message.getMessageID()) + ","
                + field("from", String.join(",", addresses(message.getFrom()))) + ","
                + "\"to\":" + array(to) + ","
                + "\"cc\":" + array(addresses(message.getRecipients(Message.RecipientType.CC))) + ","
                + field("subject", message.getSubject()) + ","
                + "\"headers\":" + headers(message) + ","
                + "\"parts\":[" + String.join(",", parts) + "]}";
    }

    /**
     * Every leaf part with its content type, file name, disposition, Content-ID, the multipart types it sits in
     * ({@code within}, outermost first) and its content: text as text; anything else also as {@code base64} of its bytes.
     */
    private static void collectParts(Part part, List<String> out) throws MessagingException, IOException {
        collectParts(part, "", out);
    }

    private static void collectParts(Part part, String within, List<String> out) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Object content = part.getContent();
            if (content instanceof Multipart multipart) {
                String here = (within.isEmpty() ? "" : within + ",") + baseType(part.getContentType());
                for (int i = 0; i < multipart.getCount(); i++) {
                    collectParts(multipart.getBodyPart(i), here, out);
                }
                return;
            }
        }
        String text;
        String base64 = null;
        if (part.isMimeType("text/*")) {
            Object content = part.getContent();
            text = content instanceof String s ? s : content instanceof InputStream in
                    ? new String(in.readAllBytes(), StandardCharsets.UTF_8) : String.valueOf(content);
        } else {
            byte[] bytes;
            try (InputStream in = part.getInputStream()) {
                bytes = in.readAllBytes();
            }
            text = new String(bytes, StandardCharsets.UTF_8);
            base64 = java.util.Base64.getEncoder().encodeToString(bytes);
        }
        String[] contentId = part.getHeader("Content-ID");
        out.add("{" + field("contentType", part.getContentType()) + ","
                + field("fileName", part.getFileName()) + ","
                + field("disposition", part.getDisposition()) + ","
                + field("contentId", contentId == null || contentId.length == 0 ? null : contentId[0]) + ","
                + field("within", within) + ","
                + field("base64", base64) + ","
                + field("content", text) + "}");
    }

    private static String baseType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(java.util.Locale.ROOT);
    }

    private static String headers(MimeMessage message) throws MessagingException {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        var all = message.getAllHeaders();
        while (all.hasMoreElements()) {
            var header = all.nextElement();
            headers.merge(header.getName(), header.getValue(), (a, b) -> a + ", " + b);
        }
        return headers.entrySet().stream().map(e -> field(e.getKey(), e.getValue()))
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static List<String> addresses(Address[] addresses) {
        if (addresses == null) {
            return List.of();
        }
        return Arrays.stream(addresses).map(a -> a instanceof jakarta.mail.internet.InternetAddress ia
                ? ia.getAddress() : a.toString()).toList();
    }

    private static String array(List<String> values) {
        return values.stream().map(MailCatcher::quote).collect(Collectors.joining(",", "[", "]"));
    }

    private static String field(String name, String value) {
        return quote(name) + ":" + (value == null ? "null" : quote(value));
    }

    static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, status == 204 ? -1 : bytes.length);
        if (status != 204) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }
}
