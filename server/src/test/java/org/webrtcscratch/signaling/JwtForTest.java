package org.webrtcscratch.signaling;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Mints join tokens the way another application would (docs/security.md, "Join tokens"): written here from
 * RFC 7515/7519 with the JDK alone, so that the server's verifier is tested against an independent encoder.
 */
final class JwtForTest {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private JwtForTest() {
    }

    static String hs256(String secret, String claimsJson) {
        return signed("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", claimsJson, secret);
    }

    static String signed(String headerJson, String claimsJson, String secret) {
        String signingInput = b64(headerJson) + "." + b64(claimsJson);
        return signingInput + "." + B64.encodeToString(hmac(secret, signingInput));
    }

    /** An unsecured JWT (RFC 7519 §6): {@code "alg":"none"} and an empty signature. */
    static String unsecured(String claimsJson) {
        return b64("{\"alg\":\"none\"}") + "." + b64(claimsJson) + ".";
    }

    static String claims(String room, String name, long exp) {
        return "{\"sub\":\"user-42\",\"room\":\"" + room + "\",\"name\":\"" + name + "\",\"exp\":" + exp + "}";
    }

    private static String b64(String json) {
        return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(String secret, String input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
