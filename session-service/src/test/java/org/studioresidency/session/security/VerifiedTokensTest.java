package org.studioresidency.session.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.studioresidency.local.DevIdentity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedTokensTest {

    @TempDir
    Path keys;

    @Test
    void shouldVerifyATokenOnceWhileItIsReused() throws Exception {
        DevIdentity identity = DevIdentity.in(keys);
        CountingVerifier verifier = new CountingVerifier(identity);
        VerifiedTokens tokens = new VerifiedTokens(verifier);
        String token = identity.token("leader", "district-admin", null);

        JsonWebToken first = tokens.parse(token);
        JsonWebToken again = tokens.parse(token);

        assertThat(again).isSameAs(first);
        assertThat(again.getGroups()).containsExactly("district-admin");
        assertThat(verifier.verifications).hasValue(1);
    }

    @Test
    void shouldVerifyATokenAgainOnceItHasExpired() throws Exception {
        DevIdentity identity = DevIdentity.in(keys);
        CountingVerifier verifier = new CountingVerifier(identity);
        MovableClock clock = new MovableClock();
        VerifiedTokens tokens = new VerifiedTokens(verifier, clock);
        String token = identity.token("leader", List.of("district-admin"), null, 60);

        tokens.parse(token);
        clock.advance(Duration.ofSeconds(61));

        // Past its expiry the token is never answered from what was verified before: the verifier decides again.
        tokens.parse(token);
        assertThat(verifier.verifications).hasValue(2);
    }

    @Test
    void shouldNeverKeepATokenThatFailedVerification() throws Exception {
        CountingVerifier verifier = new CountingVerifier(DevIdentity.in(keys));
        VerifiedTokens tokens = new VerifiedTokens(verifier);
        String forged = DevIdentity.in(keys.resolve("another-key")).token("mallory", "district-admin", null);

        assertThatThrownBy(() -> tokens.parse(forged)).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> tokens.parse(forged)).isInstanceOf(ParseException.class);
        assertThat(verifier.verifications).hasValue(2);
    }

    /** Time that a test moves on, so that expiry needs no waiting. */
    private static final class MovableClock extends Clock {
        private Instant now = Instant.now();

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    /** The service's verifier, counting how often it is asked. */
    private static final class CountingVerifier extends DefaultJWTParser {
        final AtomicInteger verifications = new AtomicInteger();

        CountingVerifier(DevIdentity identity) throws Exception {
            super(new JWTAuthContextInfo(publicKey(identity.publicKeyFile()), DevIdentity.ISSUER));
        }

        @Override
        public JsonWebToken parse(String token) throws ParseException {
            verifications.incrementAndGet();
            return super.parse(token);
        }

        private static PublicKey publicKey(Path pem) throws Exception {
            String body = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
        }
    }
}
