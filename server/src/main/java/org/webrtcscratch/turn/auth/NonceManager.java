package org.webrtcscratch.turn.auth;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.webrtcscratch.turn.policy.EmbeddedIpv4;

/**
 * Issues and checks NONCE values without keeping any (RFC 8489 §9.2.3, §14.10). A nonce is
 * {@code base64url(issuedAt ‖ MAC)} where MAC is HMAC-SHA256 under a server secret over the issue time and
 * the client's IP, cut to 128 bits. So a nonce is only good from the address it was given to, cannot be
 * forged without the secret, and goes stale on its own. It carries no RFC 8489 §9.2 nonce cookie: that
 * announces security features (PASSWORD-ALGORITHMS, USERHASH) this server does not offer. Thread-safe.
 */
public final class NonceManager {

    private static final String HMAC_SHA256 = "HmacSHA256";
    private static final int SECRET_BYTES = 32;
    private static final int TIME_BYTES = Long.BYTES;
    private static final int MAC_BYTES = 16;
    private static final int BODY_CHARS = (TIME_BYTES + MAC_BYTES) * 4 / 3;

    private final SecretKeySpec key;
    private final InstantSource clock;
    private final Duration lifetime;

    public NonceManager(byte[] secret, InstantSource clock, Duration lifetime) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("nonce secret must be at least 16 bytes, got " + secret.length);
        }
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("nonce lifetime must be positive, got " + lifetime);
        }
        this.key = new SecretKeySpec(secret.clone(), HMAC_SHA256);
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** A fresh random secret; nonces issued under another secret (before a restart) are then invalid. */
    public static byte[] newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        new SecureRandom().nextBytes(secret);
        return secret;
    }

    public String issue(InetAddress client) {
        long issuedAt = clock.instant().getEpochSecond();
        ByteBuffer body = ByteBuffer.allocate(TIME_BYTES + MAC_BYTES).putLong(issuedAt).put(mac(issuedAt, client));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(body.array());
    }

    public NonceValidity validate(String nonce, InetAddress client) {
        if (nonce.length() != BODY_CHARS) {
            return NonceValidity.INVALID;
        }
        ByteBuffer body;
        try {
            body = ByteBuffer.wrap(Base64.getUrlDecoder().decode(nonce));
        } catch (IllegalArgumentException e) {
            return NonceValidity.INVALID;
        }
        long issuedAt = body.getLong();
        byte[] mac = new byte[MAC_BYTES];
        body.get(mac);
        if (!MessageDigest.isEqual(mac, mac(issuedAt, client))) {
            return NonceValidity.INVALID;
        }
        Instant staleAt = Instant.ofEpochSecond(issuedAt).plus(lifetime);
        return clock.instant().isBefore(staleAt) ? NonceValidity.VALID : NonceValidity.STALE;
    }

    private byte[] mac(long issuedAt, InetAddress client) {
        try {
            Mac hmac = Mac.getInstance(HMAC_SHA256);
            hmac.init(key);
            hmac.update(ByteBuffer.allocate(TIME_BYTES).putLong(issuedAt).array());
            hmac.update(EmbeddedIpv4.unmap(client).getAddress());
            byte[] full = hmac.doFinal();
            byte[] cut = new byte[MAC_BYTES];
            System.arraycopy(full, 0, cut, 0, MAC_BYTES);
            return cut;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has HmacSHA256", e);
        }
    }
}
