package org.studioresidency.local;

import io.restassured.RestAssured;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Sends one HTTP/1.1 request exactly as written, bytes and all: REST Assured and java.net.http encode or refuse the
 * characters the hardening tests need to send in a path.
 */
public final class RawHttp {

    private RawHttp() {
    }

    public record Answer(int status, String head, String body) {
        public String contentType() {
            return head.lines().filter(l -> l.toLowerCase().startsWith("content-type:")).map(l -> l.substring(13).trim())
                    .findFirst().orElse("");
        }
    }

    /** {@code target} is sent as ISO-8859-1 bytes, so "\u0084" becomes the single byte 0x84. */
    public static Answer get(String target, String... headers) {
        StringBuilder request = new StringBuilder("GET ").append(target).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        request.append("\r\n");
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            String head = split < 0 ? text : text.substring(0, split);
            String body = split < 0 ? "" : text.substring(split + 4);
            int status = Integer.parseInt(head.split(" ", 3)[1]);
            return new Answer(status, head, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
