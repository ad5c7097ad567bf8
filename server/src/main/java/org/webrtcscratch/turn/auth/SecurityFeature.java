package org.webrtcscratch.turn.auth;

/**
 * The STUN Security Features a server announces in its nonce cookie (RFC 8489 §9.2, registry §18.1).
 * Bit numbers count from the least significant bit of the 24-bit set, as RFC 8489 erratum 6290 corrects
 * the section's figure.
 */
public enum SecurityFeature {
    /** The server offers PASSWORD-ALGORITHMS (RFC 8489 §9.2.4). */
    PASSWORD_ALGORITHMS(0),
    /** The server accepts USERHASH in place of USERNAME (RFC 8489 §9.2.4). */
    USERNAME_ANONYMITY(1);

    private final int bit;

    SecurityFeature(int bit) {
        this.bit = bit;
    }

    int mask() {
        return 1 << bit;
    }
}
