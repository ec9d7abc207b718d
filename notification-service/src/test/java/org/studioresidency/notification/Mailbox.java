package org.studioresidency.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.studioresidency.local.TestInfrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The messages the test SMTP server really received, read over its HTTP API. */
public final class Mailbox {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern BOUNDARY = Pattern.compile("boundary=(?:\"([^\"]+)\"|([^;\\s]+))", Pattern.CASE_INSENSITIVE);
    private static final Pattern FILE_NAME = Pattern.compile("(?:file)?name=\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);

    private Mailbox() {
    }

    /** Every message addressed to this recipient. */
    public static List<JsonNode> to(String address) {
        JsonNode all = call("GET", "/messages?to=" + URLEncoder.encode(address, StandardCharsets.UTF_8));
        List<JsonNode> messages = new ArrayList<>();
        all.forEach(messages::add);
        return messages;
    }

    public static void stopSmtp() {
        call("POST", "/smtp/stop");
    }

    public static void startSmtp() {
        call("POST", "/smtp/start");
    }

    /**
     * The first leaf part whose content type starts with the given one, e.g. {@code text/plain}. The SMTP server's
     * API sometimes hands back a multipart body unparsed (its parser depends on the class loader it runs under), so
     * such bodies are split here, without Jakarta Mail (whose copy there is the cause).
     */
    public static JsonNode part(JsonNode message, String contentType) {
        return leaves(message).stream().filter(p -> p.path("contentType").asText().toLowerCase().startsWith(contentType)).findFirst()
                .orElseThrow(() -> new AssertionError("No " + contentType + " part in " + message));
    }

    /**
     * Every leaf part of the message: {@code contentType}, {@code contentId} (with its angle brackets), {@code within}
     * (the multipart types around it, outermost first, comma-separated), {@code content} and, for a binary part,
     * {@code base64}.
     */
    public static List<ObjectNode> leaves(JsonNode message) {
        List<ObjectNode> leaves = new ArrayList<>();
        for (JsonNode part : message.get("parts")) {
            String type = part.path("contentType").asText();
            if (type.toLowerCase().startsWith("multipart/")) {
                String within = part.path("within").asText("");
                leaves.addAll(split(type, part.path("content").asText(), (within.isEmpty() ? "" : within + ",") + baseType(type)));
            } else {
                leaves.add((ObjectNode) part);
            }
        }
        return leaves;
    }

    private static String baseType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase();
    }

    /** Splits a raw multipart body (RFC 2046) into its leaf parts, decoding base64 and quoted-printable. */
    private static List<ObjectNode> split(String contentType, String body, String within) {
        Matcher boundary = BOUNDARY.matcher(contentType);
        if (!boundary.find()) {
            throw new AssertionError("No boundary in " + contentType);
        }
        String delimiter = "--" + (boundary.group(1) != null ? boundary.group(1) : boundary.group(2));
        List<ObjectNode> leaves = new ArrayList<>();
        String[] sections = body.split(Pattern.quote(delimiter));
        for (int i = 1; i < sections.length; i++) {
            String section = sections[i];
            if (section.startsWith("--")) {
                break;
            }
            section = section.replaceFirst("^\\r?\\n", "");
            int blank = section.indexOf("\r\n\r\n");
            int separator = blank >= 0 ? 4 : 2;
            if (blank < 0) {
                blank = section.indexOf("\n\n");
            }
            String headerBlock = blank < 0 ? section : section.substring(0, blank);
            String content = blank < 0 ? "" : section.substring(blank + separator).replaceFirst("\\r?\\n$", "");
            Map<String, String> headers = new HashMap<>();
            for (String line : headerBlock.replaceAll("\\r?\\n[ \\t]+", " ").split("\\r?\\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.put(line.substring(0, colon).trim().toLowerCase(), line.substring(colon + 1).trim());
                }
            }
            String type = headers.getOrDefault("content-type", "text/plain");
            if (type.toLowerCase().startsWith("multipart/")) {
                leaves.addAll(split(type, content, within + "," + baseType(type)));
                continue;
            }
            ObjectNode leaf = JSON.createObjectNode();
            leaf.put("contentType", type);
            leaf.put("contentId", headers.get("content-id"));
            leaf.put("within", within);
            String encoding = headers.getOrDefault("content-transfer-encoding", "7bit");
            if (!type.toLowerCase().startsWith("text/") && "base64".equalsIgnoreCase(encoding)) {
                leaf.put("base64", content.replaceAll("\\s", ""));
            }
            String disposition = headers.get("content-disposition");
            leaf.put("disposition", disposition);
            Matcher fileName = FILE_NAME.matcher(disposition == null ? type : disposition + ";" + type);
            leaf.put("fileName", fileName.find() ? fileName.group(1) : null);
            leaf.put("content", decode(headers.getOrDefault("content-transfer-encoding", "7bit"), content));
            leaves.add(leaf);
        }
        return leaves;
    }

    private static String decode(String encoding, String content) {
        return switch (encoding.toLowerCase()) {
            case "base64" -> new String(Base64.getMimeDecoder().decode(content), StandardCharsets.UTF_8);
            case "quoted-printable" -> quotedPrintable(content);
            default -> content;
        };
    }

    private static String quotedPrintable(String content) {
        String joined = content.replaceAll("=\\r?\\n", "");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < joined.length(); i++) {
            char c = joined.charAt(i);
            if (c == '=' && i + 2 < joined.length()) {
                bytes.write(Integer.parseInt(joined.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static JsonNode call(String method, String path) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(TestInfrastructure.mailUrl() + path))
                    .method(method, HttpRequest.BodyPublishers.noBody()).build();
            String body = HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
            return body == null || body.isBlank() ? JSON.createArrayNode() : JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
