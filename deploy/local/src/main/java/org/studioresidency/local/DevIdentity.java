package org.studioresidency.local;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * A development identity provider: an RSA key pair generated on this machine (never a production secret)
 * and bearer tokens signed with it. Services verify them with the public key, as they would the district's
 * identity provider in production.
 */
public final class DevIdentity {

    public static final String ISSUER = "https://identity.district.local";
    public static final String SCHOOL_CLAIM = "school_id";

    private final Path publicKeyFile;
    private final PrivateKey privateKey;

    private DevIdentity(Path publicKeyFile, PrivateKey privateKey) {
        this.publicKeyFile = publicKeyFile;
        this.privateKey = privateKey;
    }

    /** Loads the key pair from the directory, generating it on first use. */
    public static DevIdentity in(Path directory) {
        try {
            Files.createDirectories(directory);
            Path publicKey = directory.resolve("public-key.pem");
            Path privateKey = directory.resolve("private-key.pem");
            if (!Files.exists(privateKey) || !Files.exists(publicKey)) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
                Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            }
            String body = Files.readString(privateKey).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            PrivateKey key = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
            return new DevIdentity(publicKey, key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path publicKeyFile() {
        return publicKeyFile;
    }

    /** A token for one role; {@code schoolId} is set for principals (the school they lead). */
    public String token(String subject, String role, String schoolId) {
        return token(subject, List.of(role), schoolId, 12 * 3600);
    }

    public String token(String subject, List<String> roles, String schoolId, long lifetimeSeconds) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject(subject);
        claims.setClaim("upn", subject);
        claims.setStringListClaim("groups", roles);
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(lifetimeSeconds / 60f);
        claims.setJwtId(UUID.randomUUID().toString());
        if (schoolId != null) {
            claims.setClaim(SCHOOL_CLAIM, schoolId);
        }
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(privateKey);
        jws.setKeyIdHeaderValue("dev");
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The API key session-service presents to the HR sandbox; generated on first use. */
    public String hrApiKey() {
        return secret("hr-api-key", "hr_" + randomBase64(24));
    }

    /** The Standard Webhooks secret the HR sandbox signs callbacks with; generated on first use. */
    public String hrWebhookSecret() {
        return secret("hr-webhook-secret", "whsec_" + randomBase64(32));
    }

    private String secret(String name, String fresh) {
        Path file = publicKeyFile.resolveSibling(name);
        try {
            if (!Files.exists(file)) {
                Files.writeString(file, fresh);
            }
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String randomBase64(int bytes) {
        byte[] random = new byte[bytes];
        new java.security.SecureRandom().nextBytes(random);
        return Base64.getEncoder().encodeToString(random);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
