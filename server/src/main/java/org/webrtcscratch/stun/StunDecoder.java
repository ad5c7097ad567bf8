package org.webrtcscratch.stun;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.webrtcscratch.stun.attr.Attribute;
import org.webrtcscratch.stun.attr.AttributeDecoders;
import org.webrtcscratch.stun.attr.AttributeType;
import org.webrtcscratch.stun.attr.AttributeValue;
import org.webrtcscratch.stun.attr.Fingerprint;
import org.webrtcscratch.stun.attr.MessageIntegrity;
import org.webrtcscratch.stun.attr.MessageIntegritySha256;
import org.webrtcscratch.stun.header.MessageType;
import org.webrtcscratch.stun.header.StunDecodeException;
import org.webrtcscratch.stun.header.StunHeader;
import org.webrtcscratch.stun.header.TransactionId;

/**
 * Bytes to {@link DecodedMessage}, RFC 8489 §5 and §14. Any input yields a message or a
 * {@link StunDecodeException}, nothing else. Checks, in order: 20-byte header, leading zero bits, known method,
 * length a multiple of 4 and equal to what follows the header (so one call takes exactly one message: frame TCP
 * first), magic cookie (absent: {@link Rfc3489MessageException}), then each attribute's bounds and value.
 * Attributes after MESSAGE-INTEGRITY other than MESSAGE-INTEGRITY-SHA256 and FINGERPRINT, and anything after
 * FINGERPRINT, are skipped as §14.5-14.7 require; a FINGERPRINT that does not match is an error.
 * Stateless and thread-safe.
 */
public final class StunDecoder {

    private static final StunDecoder STUN = new StunDecoder(AttributeDecoders.stun());

    private final AttributeDecoders decoders;

    public StunDecoder(AttributeDecoders decoders) {
        this.decoders = Objects.requireNonNull(decoders, "decoders");
    }

    /** A decoder for the RFC 8489 attributes only; TURN servers use {@code TurnCodec.DECODER}. */
    public static StunDecoder stun() {
        return STUN;
    }

    public DecodedMessage decode(byte[] bytes) {
        return decode(bytes, 0, bytes.length);
    }

    /** Decodes {@code bytes[offset, offset + length)}; the message keeps a copy, so the array may be reused. */
    public DecodedMessage decode(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        return decodeCopy(Arrays.copyOfRange(bytes, offset, offset + length));
    }

    /** Decodes the buffer's remaining bytes, leaving its position alone. */
    public DecodedMessage decode(ByteBuffer buffer) {
        byte[] copy = new byte[buffer.remaining()];
        buffer.get(buffer.position(), copy);
        return decodeCopy(copy);
    }

    private DecodedMessage decodeCopy(byte[] message) {
        StunHeader header = readHeader(message);
        List<Attribute> attributes = new ArrayList<>();
        int integrity = DecodedMessage.ABSENT;
        int integritySha256 = DecodedMessage.ABSENT;
        boolean fingerprinted = false;
        // The header check made both the body length and every attribute start multiples of 4, so whenever
        // offset < message.length there are at least 4 bytes for an attribute header.
        for (int offset = StunHeader.HEADER_SIZE; offset < message.length; ) {
            int type = u16(message, offset);
            int length = u16(message, offset + 2);
            int left = message.length - offset - 4;
            if (length > left) {
                throw new StunDecodeException(AttributeValue.where(type, offset),
                        "value of %d bytes runs past the end of the message, %d bytes left".formatted(length, left),
                        header);
            }
            if (isConsidered(type, integrity, integritySha256, fingerprinted)) {
                Attribute attribute = decodeAttribute(new AttributeValue(message, offset, header));
                attributes.add(attribute);
                switch (attribute) {
                    case MessageIntegrity ignored -> integrity = offset;
                    case MessageIntegritySha256 ignored -> integritySha256 = offset;
                    case Fingerprint fingerprint -> {
                        checkFingerprint(message, offset, fingerprint, header);
                        fingerprinted = true;
                    }
                    default -> { }
                }
            }
            offset += 4 + (length + 3 & ~3);
        }
        return new DecodedMessage(new StunMessage(header.type(), header.transactionId(), attributes),
                message, integrity, integritySha256);
    }

    /**
     * RFC 8489 §14.5-14.7: after MESSAGE-INTEGRITY only MESSAGE-INTEGRITY-SHA256 and FINGERPRINT count, after
     * MESSAGE-INTEGRITY-SHA256 only FINGERPRINT, after FINGERPRINT nothing.
     */
    private static boolean isConsidered(int type, int integrity, int integritySha256, boolean fingerprinted) {
        boolean isFingerprint = type == AttributeType.FINGERPRINT.code();
        if (fingerprinted) {
            return false;
        }
        if (integritySha256 != DecodedMessage.ABSENT) {
            return isFingerprint;
        }
        if (integrity != DecodedMessage.ABSENT) {
            return isFingerprint || type == AttributeType.MESSAGE_INTEGRITY_SHA256.code();
        }
        return true;
    }

    private static StunHeader readHeader(byte[] message) {
        if (message.length < StunHeader.HEADER_SIZE) {
            throw new StunDecodeException("header",
                    "%d bytes, shorter than the 20-byte header".formatted(message.length));
        }
        MessageType type = MessageType.fromCode(u16(message, 0));
        int length = u16(message, 2);
        if (length % 4 != 0) {
            throw new StunDecodeException("header/length",
                    "length %d is not a multiple of 4 (attributes are padded to 4 bytes)".formatted(length));
        }
        int actual = message.length - StunHeader.HEADER_SIZE;
        if (length != actual) {
            throw new StunDecodeException("header/length",
                    "length field says %d bytes follow the header, %d do".formatted(length, actual));
        }
        if (ByteBuffer.wrap(message).getInt(4) != StunHeader.MAGIC_COOKIE) {
            throw new Rfc3489MessageException(type, Arrays.copyOfRange(message, 4, StunHeader.HEADER_SIZE));
        }
        return new StunHeader(type, TransactionId.read(message, 8));
    }

    private Attribute decodeAttribute(AttributeValue value) {
        try {
            return decoders.decoderFor(value.type()).decode(value);
        } catch (IllegalArgumentException e) {
            // Record constructors hold the value rules; their complaint becomes a decode error here.
            throw value.error(e.getMessage());
        }
    }

    private static void checkFingerprint(byte[] message, int offset, Fingerprint received, StunHeader header) {
        Fingerprint computed = Fingerprint.of(CoveredBytes.upTo(message, offset, Fingerprint.LENGTH));
        if (!computed.equals(received)) {
            throw new StunDecodeException(AttributeValue.where(AttributeType.FINGERPRINT.code(), offset),
                    "CRC-32 does not match: message says 0x%08x, bytes give 0x%08x"
                            .formatted(received.value(), computed.value()), header);
        }
    }

    private static int u16(byte[] bytes, int offset) {
        return (bytes[offset] & 0xFF) << 8 | bytes[offset + 1] & 0xFF;
    }
}
