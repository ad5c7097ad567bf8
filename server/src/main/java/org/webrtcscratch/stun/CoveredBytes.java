package org.webrtcscratch.stun;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.webrtcscratch.stun.header.StunHeader;

/**
 * What MESSAGE-INTEGRITY(-SHA256) and FINGERPRINT are computed over (RFC 8489 §14.5-14.7): the message up to the
 * attribute, with the header's length field rewritten to end just after that attribute, since later attributes
 * did not exist yet when the sender computed it.
 */
final class CoveredBytes {

    private CoveredBytes() {
    }

    /** A copy of {@code message[0, attributeOffset)} whose length field counts up to the attribute's end. */
    static ByteBuffer upTo(byte[] message, int attributeOffset, int valueLength) {
        byte[] covered = Arrays.copyOf(message, attributeOffset);
        int length = attributeOffset - StunHeader.HEADER_SIZE + 4 + valueLength;
        covered[2] = (byte) (length >> 8);
        covered[3] = (byte) length;
        return ByteBuffer.wrap(covered);
    }
}
