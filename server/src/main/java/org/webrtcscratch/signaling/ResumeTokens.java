package org.webrtcscratch.signaling;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Resume tokens that describe themselves: the room, the peer id and the time of issue, with a random nonce,
 * signed with HMAC-SHA256 under the server's secret. A server that restarted with the same secret knows
 * nothing of the peer, but can still check that it issued the token, and so give the peer back its id
 * (docs/protocol.md, "A server restart"). Format: {@code base64url(payload) "." base64url(mac)}, the payload
 * being {@code room \n peerId \n issuedAtMillis \n nonce}. Pure: no clock, no I/O.
 */
public final class ResumeTokens {

    /** What a valid token says. */
    public record Claims(String room, String peerId, Instant issuedAt) { }

    /** Shortest secret accepted: as long as the MAC, as RFC 2104 §3 recommends. */
    public static final int MIN_SECRET_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";
    private static final int NONCE_BYTES = 16;
    private static final int MAX_TOKEN_LENGTH = 512;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public ResumeTokens(byte[] secret) {
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the resume secret must be at least " + MIN_SECRET_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
    }

    /** Tokens under a secret of this process only: they do not survive a restart. */
    public static ResumeTokens withRandomSecret() {
        byte[] secret = new byte[MIN_SECRET_BYTES];
        new SecureRandom().nextBytes(secret);
        return new ResumeTokens(secret);
    }

    public String issue(String room, String peerId, Instant issuedAt) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] payload = String.join("\n", room, peerId, Long.toString(issuedAt.toEpochMilli()),
                ENCODER.encodeToString(nonce)).getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(payload));
    }

    /** What {@code token} says, or null if this secret did not sign it or it is malformed. */
    public Claims verify(String token) {
        int dot = token.indexOf('.');
        if (token.length() > MAX_TOKEN_LENGTH || dot < 0) {
            return null;
        }
        try {
            byte[] payload = DECODER.decode(token.substring(0, dot));
            byte[] mac = DECODER.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(mac, mac(payload))) {
                return null;
            }
            String[] fields = new String(payload, StandardCharsets.UTF_8).split("\n", -1);
            if (fields.length != 4) {
                return null;
            }
            return new Claims(fields[0], fields[1], Instant.ofEpochMilli(Long.parseLong(fields[2])));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private byte[] mac(byte[] payload) {
        try {
            // A Mac is not thread-safe; a join is rare enough to make one each time.
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is part of every JDK", e);
        }
    }
}
