package org.studioresidency.pairing.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import javax.crypto.SecretKey;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Verifies a bearer token once, not on every request. A portal sends the same token with each request for the token's
 * life, and verifying it (decoding, two JSON parses, an RSA signature) was most of what a read allocated: 64 kB of
 * parser buffers per request, which grew the heap under load (JFR, deploy/README.md, "Fifth round"). Only a token that
 * verified is kept, under its whole text (signature included, so no other token can match it), until the earlier of
 * its expiry and {@link #LONGEST_REUSE} after it verified: a token signed with a key the district has since removed
 * stops being accepted within that time. Anything that fails verification is refused afresh every time.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {

    /** The longest a verification is reused; tokens normally expire well before the key set changes. */
    static final Duration LONGEST_REUSE = Duration.ofSeconds(60);
    /** Tokens kept at once: a district's signed-in users with room to spare, a few kB each. */
    static final int MOST_TOKENS = 1_000;

    private final DefaultJWTParser verifier;
    private final Clock clock;
    private final Cache<String, Verified> verified = Caffeine.newBuilder()
            .maximumSize(MOST_TOKENS)
            .expireAfter(new Expiry<String, Verified>() {
                @Override
                public long expireAfterCreate(String token, Verified entry, long now) {
                    return reusableNanos(entry);
                }

                @Override
                public long expireAfterUpdate(String token, Verified entry, long now, long remaining) {
                    return reusableNanos(entry);
                }

                @Override
                public long expireAfterRead(String token, Verified entry, long now, long remaining) {
                    return remaining;
                }
            })
            .build();

    @Inject
    VerifiedTokens(DefaultJWTParser verifier) {
        this(verifier, Clock.systemUTC());
    }

    VerifiedTokens(DefaultJWTParser verifier, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        Verified known = verified.getIfPresent(token);
        if (known != null && known.until().isAfter(clock.instant())) {
            return known.jwt();
        }
        JsonWebToken jwt = verifier.parse(token);
        Instant until = clock.instant().plus(LONGEST_REUSE);
        Instant expires = Instant.ofEpochSecond(jwt.getExpirationTime());
        if (expires.isBefore(until)) {
            until = expires;
        }
        if (until.isAfter(clock.instant())) {
            verified.put(token, new Verified(jwt, until));
        }
        return jwt;
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }

    private long reusableNanos(Verified entry) {
        return Math.max(0, Duration.between(clock.instant(), entry.until()).toNanos());
    }

    /** A verified token and the last instant it may be reused (the cache also drops it then). */
    private record Verified(JsonWebToken jwt, Instant until) {
    }
}
