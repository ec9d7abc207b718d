package org.studioresidency.notification.security;

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
        VerifiedTokens tokens = new VerifiedTokens(verifier);
        String token = identity.token("leader", List.of("district-admin"), null, 1);

        tokens.parse(token);
        Thread.sleep(1_100);

        // Past its expiry the token is never answered from what was verified before; the verifier decides again
        // (and refuses it once the verifier's clock skew has passed too).
        try {
            tokens.parse(token);
        } catch (ParseException refused) {
            // refused afresh: also right
        }
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
