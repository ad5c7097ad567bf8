package org.webrtcscratch.turn.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The shared secret of the "TURN REST API" (draft-uberti-behave-turn-rest, coturn's
 * {@code use-auth-secret}/{@code static-auth-secret}): the password of a username is
 * {@code base64(HMAC-SHA1(secret, username))}. The signaling server mints credentials with it and the
 * TURN server checks them with it, with no state shared between the two.
 */
public final class RestApiSecret {

    private static final String HMAC_SHA1 = "HmacSHA1";

    private final SecretKeySpec key;

    private RestApiSecret(byte[] secret) {
        this.key = new SecretKeySpec(secret, HMAC_SHA1);
    }

    /** The secret as coturn takes it: the UTF-8 bytes of the configured string. */
    public static RestApiSecret of(String secret) {
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("the TURN REST secret must not be empty");
        }
        return new RestApiSecret(secret.getBytes(StandardCharsets.UTF_8));
    }

    public String passwordFor(String username) {
        try {
            Mac mac = Mac.getInstance(HMAC_SHA1);
            mac.init(key);
            return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has HmacSHA1", e);
        }
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "RestApiSecret[***]";
    }
}
