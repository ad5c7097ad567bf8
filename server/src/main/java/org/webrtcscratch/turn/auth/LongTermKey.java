package org.webrtcscratch.turn.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The key of the long-term credential mechanism with the default MD5 password algorithm (RFC 8489
 * §9.2.2): {@code MD5(username ":" OpaqueString(realm) ":" OpaqueString(password))}, 16 bytes. MESSAGE-INTEGRITY
 * is an HMAC-SHA1 keyed with it (§14.5).
 */
public final class LongTermKey {

    public static final int LENGTH = 16;

    private final byte[] key;

    private LongTermKey(byte[] key) {
        this.key = key;
    }

    public static LongTermKey derive(String username, String realm, String password) {
        String input = username + ":" + OpaqueString.prepare(realm) + ":" + OpaqueString.prepare(password);
        try {
            return new LongTermKey(MessageDigest.getInstance("MD5").digest(input.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has MD5", e);
        }
    }

    /** A key held already derived, e.g. from a coturn-style {@code 0x...} user database entry. */
    public static LongTermKey ofBytes(byte[] key) {
        if (key.length != LENGTH) {
            throw new IllegalArgumentException("a long-term key is " + LENGTH + " bytes, got " + key.length);
        }
        return new LongTermKey(key.clone());
    }

    public byte[] bytes() {
        return key.clone();
    }

    /** Constant-time comparison, so timing does not tell how much of a guessed key was right. */
    @Override
    public boolean equals(Object other) {
        return other instanceof LongTermKey that && MessageDigest.isEqual(key, that.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "LongTermKey[" + LENGTH + " bytes, " + HexFormat.of().formatHex(key, 0, 2) + "...]";
    }
}
