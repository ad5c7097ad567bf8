package org.webrtcscratch.turn.auth;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.webrtcscratch.stun.IntegrityKeys;

/**
 * The key of the long-term credential mechanism with the default MD5 password algorithm (RFC 8489
 * §9.2.2): {@code MD5(username ":" prepared(realm) ":" prepared(password))}, 16 bytes, as {@link IntegrityKeys} derives it. MESSAGE-INTEGRITY
 * is an HMAC-SHA1 keyed with it (§14.5).
 */
public final class LongTermKey {

    public static final int LENGTH = 16;

    private final byte[] key;

    private LongTermKey(byte[] key) {
        this.key = key;
    }

    /** The same derivation as the codec's, so the server computes the key an RFC 5769 client does. */
    public static LongTermKey derive(String username, String realm, String password) {
        return new LongTermKey(IntegrityKeys.longTermMd5(username, realm, password));
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
