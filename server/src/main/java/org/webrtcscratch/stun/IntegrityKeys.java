package org.webrtcscratch.stun;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.webrtcscratch.stun.attr.ByteString;
import org.webrtcscratch.stun.attr.PasswordAlgorithm;

/**
 * Keys for MESSAGE-INTEGRITY(-SHA256), RFC 8489 §9.1.1 (short-term) and §9.2.2 (long-term), and the USERHASH
 * value of §14.4. Realm and password go through {@link Saslprep}; the username is used as sent, since the
 * client already prepared it before putting it in USERNAME (§14.3).
 */
public final class IntegrityKeys {

    private IntegrityKeys() {
    }

    /** Short-term credentials: the prepared password itself. */
    public static byte[] shortTerm(String password) {
        return utf8(Saslprep.prepare(password));
    }

    /** Long-term credentials with the algorithm the client chose in PASSWORD-ALGORITHM (MD5 when absent). */
    public static byte[] longTerm(PasswordAlgorithm algorithm, String username, String realm, String password) {
        if (algorithm.equals(PasswordAlgorithm.MD5)) {
            return longTermMd5(username, realm, password);
        }
        if (algorithm.equals(PasswordAlgorithm.SHA256)) {
            return longTermSha256(username, realm, password);
        }
        throw new IllegalArgumentException("no key derivation for password algorithm " + algorithm);
    }

    /** MD5(username ":" realm ":" password): 16 bytes. */
    public static byte[] longTermMd5(String username, String realm, String password) {
        return digest("MD5", username + ":" + Saslprep.prepare(realm) + ":" + Saslprep.prepare(password));
    }

    /** SHA-256(username ":" realm ":" password): 32 bytes. */
    public static byte[] longTermSha256(String username, String realm, String password) {
        return digest("SHA-256", username + ":" + Saslprep.prepare(realm) + ":" + Saslprep.prepare(password));
    }

    /** SHA-256(username ":" realm), the value of USERHASH. */
    public static ByteString userHash(String username, String realm) {
        return ByteString.wrap(digest("SHA-256", Saslprep.prepare(username) + ":" + Saslprep.prepare(realm)));
    }

    private static byte[] digest(String algorithm, String input) {
        try {
            return MessageDigest.getInstance(algorithm).digest(utf8(input));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is in every JDK", e);
        }
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
