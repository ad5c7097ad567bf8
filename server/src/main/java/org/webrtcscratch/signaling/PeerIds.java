package org.webrtcscratch.signaling;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable peer ids (128 bits), URL-safe base64. Resume tokens are {@link ResumeTokens}'. */
final class PeerIds {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private final SecureRandom random = new SecureRandom();

    String newPeerId() {
        return random(16);
    }

    private String random(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return ENCODER.encodeToString(value);
    }
}
