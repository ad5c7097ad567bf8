package org.webrtcscratch.stun;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks MESSAGE-INTEGRITY (HMAC-SHA1, RFC 8489 §14.5) and MESSAGE-INTEGRITY-SHA256 (§14.6) of a received
 * message against its original bytes, in constant time. Keys come from {@link IntegrityKeys}.
 */
public final class Integrity {

    private static final String HMAC_SHA1 = "HmacSHA1";
    private static final String HMAC_SHA256 = "HmacSHA256";

    private Integrity() {
    }

    /**
     * Verifies MESSAGE-INTEGRITY-SHA256 when the message has it, MESSAGE-INTEGRITY otherwise (RFC 8489 §9.2.4:
     * with both present the SHA-256 one is the one to use).
     *
     * @return false when the HMAC does not match or the message carries neither attribute
     */
    public static boolean verify(DecodedMessage message, byte[] key) {
        return message.hasIntegritySha256() ? verifySha256(message, key) : verifySha1(message, key);
    }

    public static boolean verifySha1(DecodedMessage message, byte[] key) {
        return verify(message.bytes(), message.integrityOffset(), HMAC_SHA1, key);
    }

    /** Verifies a full or truncated (16..28 bytes) HMAC-SHA256 against as many bytes of the computed one. */
    public static boolean verifySha256(DecodedMessage message, byte[] key) {
        return verify(message.bytes(), message.integritySha256Offset(), HMAC_SHA256, key);
    }

    static byte[] hmacSha1(byte[] key, ByteBuffer covered) {
        return hmac(HMAC_SHA1, key, covered);
    }

    static byte[] hmacSha256(byte[] key, ByteBuffer covered) {
        return hmac(HMAC_SHA256, key, covered);
    }

    /** HMAC keys cannot be empty (the JDK refuses them); copies the key so later changes do not leak in. */
    static byte[] requireKey(byte[] key) {
        if (key.length == 0) {
            throw new IllegalArgumentException("an HMAC key cannot be empty");
        }
        return key.clone();
    }

    private static boolean verify(byte[] message, int offset, String algorithm, byte[] key) {
        requireKey(key);
        if (offset == DecodedMessage.ABSENT) {
            return false;
        }
        int length = (message[offset + 2] & 0xFF) << 8 | message[offset + 3] & 0xFF;
        byte[] computed = hmac(algorithm, key, CoveredBytes.upTo(message, offset, length));
        byte[] received = Arrays.copyOfRange(message, offset + 4, offset + 4 + length);
        return MessageDigest.isEqual(Arrays.copyOf(computed, length), received);
    }

    private static byte[] hmac(String algorithm, byte[] key, ByteBuffer covered) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            mac.update(covered);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is in every JDK", e);
        }
    }
}
