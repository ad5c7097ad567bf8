package org.webrtcscratch.turn.interop;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** A TURN username and password (RFC 8489 §9.2 long-term credentials). */
record Credentials(String username, String password) {

    /**
     * Credentials of the "TURN REST API" as coturn's {@code use-auth-secret} checks them: username
     * {@code expiry:user} with {@code expiry} in Unix seconds, password {@code base64(HMAC-SHA1(secret,
     * username))}. Written here again, not taken from the server's code, so a shared mistake cannot hide.
     */
    static Credentials rest(String user, String secret, Duration validFor) {
        String username = Instant.now().plus(validFor).getEpochSecond() + ":" + user;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            byte[] digest = mac.doFinal(username.getBytes(StandardCharsets.UTF_8));
            return new Credentials(username, Base64.getEncoder().encodeToString(digest));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has HmacSHA1", e);
        }
    }
}
