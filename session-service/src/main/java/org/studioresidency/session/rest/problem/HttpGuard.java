package org.studioresidency.session.rest.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What the HTTP layer refuses before any resource runs, answered as problem details like every other error: a path
 * that is no valid URI or decodes to control characters, whitespace or braces, or a query holding a control character
 * such as NUL (400, one log line, never a stack trace), a body larger than {@code quarkus.http.limits.max-body-size} (413), and a call without a valid bearer token
 * to a path that needs one (401, refused before routing, so it learns neither 404 nor 405).
 */
@ApplicationScoped
public class HttpGuard {

    private static final Logger LOG = Logger.getLogger(HttpGuard.class);
    private static final String TYPE_BASE = "https://studio-residency.district/problems/";

    private final ObjectMapper json;
    private final long maxBodyBytes;
    /** Paths callers reach without a token; every other path answers 401 to a call without one, before routing. */
    private final List<String> publicPaths;

    HttpGuard(ObjectMapper json, @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") String maxBodySize,
              @ConfigProperty(name = "quarkus.http.auth.permission.public.paths") List<String> publicPaths) {
        this.json = json;
        this.publicPaths = publicPaths;
        this.maxBodyBytes = new MemorySizeConverter().convert(maxBodySize).asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failed);
    }

    private void check(RoutingContext ctx) {
        String uri = ctx.request().uri();
        if (!acceptablePath(uri)) {
            LOG.infof("Refused %s with an illegal path or query: %s", ctx.request().method(), printable(uri));
            answer(ctx, 400, "bad-path", "Bad request",
                    "The path or query is not valid: it holds spaces, braces or control characters. Percent-encode reserved characters and send ids as they are listed.");
            return;
        }
        if (!bearer(ctx.request().getHeader(HttpHeaders.AUTHORIZATION)) && ctx.request().method() != io.vertx.core.http.HttpMethod.OPTIONS
                && publicPaths.stream().noneMatch(p -> matches(p, ctx.normalizedPath()))) {
            unauthenticated(ctx);
            return;
        }
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && length.chars().allMatch(Character::isDigit) && length.length() < 19 && Long.parseLong(length) > maxBodyBytes) {
            payloadTooLarge(ctx);
            return;
        }
        ctx.next();
    }

    /** Failures of the HTTP layer itself: a body over the limit, or a path that needs a bearer token and came without one. */
    private void failed(RoutingContext ctx) {
        if (ctx.response().headWritten()) {
            ctx.next();
        } else if (ctx.statusCode() == 413) {
            payloadTooLarge(ctx);
        } else if (unauthenticated(ctx.failure())) {
            unauthenticated(ctx);
        } else {
            ctx.next();
        }
    }

    private void unauthenticated(RoutingContext ctx) {
        ctx.response().putHeader("WWW-Authenticate", "Bearer");
        answer(ctx, 401, "unauthenticated", "Unauthenticated", ProblemMappers.UNAUTHENTICATED);
    }

    private static boolean bearer(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    /** A path pattern of {@code quarkus.http.auth.permission}: exact, or a prefix ending in {@code /*}. */
    private static boolean matches(String pattern, String path) {
        return pattern.endsWith("/*") ? path.startsWith(pattern.substring(0, pattern.length() - 1)) || path.equals(pattern.substring(0, pattern.length() - 2))
                : path.equals(pattern);
    }

    private static boolean unauthenticated(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof io.quarkus.security.UnauthorizedException || t instanceof io.quarkus.security.AuthenticationFailedException) {
                return true;
            }
        }
        return false;
    }

    private void payloadTooLarge(RoutingContext ctx) {
        ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
        answer(ctx, 413, "payload-too-large", "Payload too large",
                "The request body is larger than this service accepts (" + maxBodyBytes / 1024 + " KiB).");
    }

    /**
     * A path is acceptable when it parses as a URI, its percent-encoding is valid UTF-8, and what it decodes to holds
     * no control character, whitespace or brace (none of this API's paths has one; they come from templates and typos).
     */
    static boolean acceptablePath(String requestUri) {
        if (requestUri == null || requestUri.isEmpty()) {
            return false;
        }
        try {
            new URI(requestUri);
        } catch (URISyntaxException e) {
            return false;
        }
        int end = requestUri.length();
        for (char c : new char[]{'?', '#'}) {
            int at = requestUri.indexOf(c);
            end = at >= 0 ? Math.min(end, at) : end;
        }
        String decoded = decode(requestUri.substring(0, end));
        if (decoded == null || decoded.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c)
                || Character.isSpaceChar(c) || c == '{' || c == '}' || Character.getType(c) == Character.FORMAT)) {
            return false;
        }
        int query = requestUri.indexOf('?');
        int fragment = requestUri.indexOf('#');
        if (query < 0 || (fragment >= 0 && fragment < query)) {
            return true;
        }
        String values = decode(requestUri.substring(query + 1, fragment > query ? fragment : requestUri.length()).replace('+', ' '));
        return values != null && values.codePoints().noneMatch(Character::isISOControl);
    }

    private static String decode(String rawPath) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == '%') {
                if (i + 2 >= rawPath.length() || Character.digit(rawPath.charAt(i + 1), 16) < 0 || Character.digit(rawPath.charAt(i + 2), 16) < 0) {
                    return null;
                }
                bytes.write(Character.digit(rawPath.charAt(i + 1), 16) * 16 + Character.digit(rawPath.charAt(i + 2), 16));
                i += 2;
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                return null;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String printable(String uri) {
        StringBuilder out = new StringBuilder();
        uri.codePoints().limit(300).forEach(c -> {
            if (c < 0x20 || c >= 0x7f) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    private void answer(RoutingContext ctx, int status, String slug, String title, String detail) {
        Problem problem = new Problem(URI.create(TYPE_BASE + slug), title, status, detail, null, null, null);
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"status\":" + status + "}";
        }
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(body);
    }
}
