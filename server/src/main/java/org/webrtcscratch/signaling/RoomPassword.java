package org.webrtcscratch.signaling;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A room's password as the server keeps it: a salted, slow hash (PBKDF2-HMAC-SHA256, RFC 8018 §5.2), never
 * the password itself, so that a memory dump or a heap histogram does not give it away. Immutable; checking
 * takes as long for a right password as for a wrong one.
 */
final class RoomPassword {

    /** Longest password accepted, in characters: enough for a passphrase, bounded for the hash's input. */
    static final int MAX_LENGTH = 128;
    /**
     * Iterations: about 50 ms on one core of a small server. A room's hash lives in memory only as long as the
     * room, so this buys time against a dump, not against years of offline cracking.
     */
    static final int ITERATIONS = 100_000;
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] salt;
    private final byte[] hash;

    private RoomPassword(byte[] salt, byte[] hash) {
        this.salt = salt;
        this.hash = hash;
    }

    /** Hashes {@code password} under a fresh random salt. */
    static RoomPassword of(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return new RoomPassword(salt, derive(password, salt));
    }

    /** Whether {@code password} is this one; compared in constant time. */
    boolean matches(String password) {
        return MessageDigest.isEqual(hash, derive(password, salt));
    }

    private static byte[] derive(String password, byte[] salt) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, ITERATIONS, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (InvalidKeySpecException e) {
            throw new IllegalArgumentException("cannot hash this password", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is part of every JDK", e);
        } finally {
            spec.clearPassword();
        }
    }
}
