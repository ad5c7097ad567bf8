package org.webrtcscratch.bench.stun;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The long-term credential mechanism of RFC 8489 §9.2: key = MD5(username ":" realm ":" password), and
 * MESSAGE-INTEGRITY = HMAC-SHA1 with that key (§14.5). The realm and nonce come from the server's 401.
 */
public record LongTermCredentials(String username, String password, String realm, String nonce) {

    static final int HMAC_SIZE = 20;

    /** The HMAC-SHA1 of {@code message[0, length)}. */
    byte[] hmac(byte[] message, int length) {
        try {
            byte[] key = MessageDigest.getInstance("MD5")
                    .digest((username + ":" + realm + ":" + password).getBytes(StandardCharsets.UTF_8));
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            mac.update(message, 0, length);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 and HmacSHA1 are required of every JDK", e);
        }
    }
}
