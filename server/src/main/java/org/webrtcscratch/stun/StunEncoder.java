package org.webrtcscratch.stun;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.webrtcscratch.stun.attr.Attribute;
import org.webrtcscratch.stun.attr.ByteString;
import org.webrtcscratch.stun.attr.Fingerprint;
import org.webrtcscratch.stun.attr.MessageIntegrity;
import org.webrtcscratch.stun.attr.MessageIntegritySha256;
import org.webrtcscratch.stun.header.MessageClass;
import org.webrtcscratch.stun.header.MessageType;
import org.webrtcscratch.stun.header.StunHeader;
import org.webrtcscratch.stun.header.TransactionId;

/**
 * Builds a STUN message on the wire: attributes in the order added, then MESSAGE-INTEGRITY,
 * MESSAGE-INTEGRITY-SHA256 and FINGERPRINT when asked for, each computed with the header's length field counting
 * up to itself (RFC 8489 §14.5-14.7). Values are padded with zero bytes. Not thread-safe; cheap to create.
 * <pre>{@code
 * byte[] response = StunEncoder.of(request.type().withClass(MessageClass.SUCCESS_RESPONSE), request.transactionId())
 *         .add(new XorMappedAddress(source))
 *         .messageIntegrity(key)
 *         .fingerprint()
 *         .toBytes();
 * }</pre>
 */
public final class StunEncoder {

    private final MessageType type;
    private final TransactionId transactionId;
    private final List<Attribute> attributes = new ArrayList<>();
    private byte[] integrityKey;
    private byte[] integritySha256Key;
    private boolean fingerprint;

    private StunEncoder(MessageType type, TransactionId transactionId) {
        this.type = Objects.requireNonNull(type, "type");
        this.transactionId = Objects.requireNonNull(transactionId, "transactionId");
    }

    public static StunEncoder of(MessageType type, TransactionId transactionId) {
        return new StunEncoder(type, transactionId);
    }

    /** Starts from a message's type, ID and attributes (any integrity or fingerprint in them goes out as is). */
    public static StunEncoder of(StunMessage message) {
        return of(message.type(), message.transactionId()).addAll(message.attributes());
    }

    /** The message's bytes, attributes as they are. */
    public static byte[] encode(StunMessage message) {
        return of(message).toBytes();
    }

    public StunEncoder add(Attribute attribute) {
        attributes.add(Objects.requireNonNull(attribute, "attribute"));
        return this;
    }

    public StunEncoder addAll(Collection<? extends Attribute> more) {
        more.forEach(this::add);
        return this;
    }

    /** Appends MESSAGE-INTEGRITY (HMAC-SHA1) keyed with a key from {@link IntegrityKeys}. */
    public StunEncoder messageIntegrity(byte[] key) {
        integrityKey = Integrity.requireKey(key);
        return this;
    }

    /** Appends MESSAGE-INTEGRITY-SHA256 (full 32 bytes), after MESSAGE-INTEGRITY if both are asked for. */
    public StunEncoder messageIntegritySha256(byte[] key) {
        integritySha256Key = Integrity.requireKey(key);
        return this;
    }

    /** Appends FINGERPRINT, last. */
    public StunEncoder fingerprint() {
        fingerprint = true;
        return this;
    }

    /**
     * Bytes the message will take.
     *
     * @throws IllegalArgumentException when an attribute value or the whole body exceeds what 16 bits can count
     */
    public int encodedLength() {
        int body = 0;
        for (Attribute attribute : attributes) {
            int valueLength = attribute.valueLength();
            if (valueLength > 0xFFFF) {
                throw new IllegalArgumentException(attribute.getClass().getSimpleName()
                        + " value is %d bytes, more than 65535".formatted(valueLength));
            }
            body += 4 + padded(valueLength);
        }
        body += (integrityKey == null ? 0 : 4 + MessageIntegrity.LENGTH)
                + (integritySha256Key == null ? 0 : 4 + MessageIntegritySha256.MAX_LENGTH)
                + (fingerprint ? 4 + Fingerprint.LENGTH : 0);
        if (body > StunHeader.MAX_BODY_LENGTH) {
            throw new IllegalArgumentException(
                    "body of %d bytes, more than %d".formatted(body, StunHeader.MAX_BODY_LENGTH));
        }
        return StunHeader.HEADER_SIZE + body;
    }

    public byte[] toBytes() {
        byte[] bytes = new byte[encodedLength()];
        encodeInto(ByteBuffer.wrap(bytes));
        return bytes;
    }

    /**
     * Writes the message at the buffer's position and advances it.
     *
     * @return bytes written, {@link #encodedLength()}
     * @throws BufferOverflowException when the buffer has less room than that
     */
    public int encodeInto(ByteBuffer out) {
        int length = encodedLength();
        if (out.remaining() < length) {
            throw new BufferOverflowException();
        }
        int start = out.position();
        out.putShort((short) type.code()).putShort((short) 0).putInt(StunHeader.MAGIC_COOKIE);
        transactionId.writeTo(out);
        attributes.forEach(attribute -> write(out, attribute));
        if (integrityKey != null) {
            setBodyLength(out, start, MessageIntegrity.LENGTH);
            write(out, new MessageIntegrity(ByteString.wrap(Integrity.hmacSha1(integrityKey, covered(out, start)))));
        }
        if (integritySha256Key != null) {
            setBodyLength(out, start, MessageIntegritySha256.MAX_LENGTH);
            byte[] hmac = Integrity.hmacSha256(integritySha256Key, covered(out, start));
            write(out, new MessageIntegritySha256(ByteString.wrap(hmac)));
        }
        if (fingerprint) {
            setBodyLength(out, start, Fingerprint.LENGTH);
            write(out, Fingerprint.of(covered(out, start)));
        }
        out.putShort(start + 2, (short) (out.position() - start - StunHeader.HEADER_SIZE));
        return length;
    }

    private void write(ByteBuffer out, Attribute attribute) {
        int start = out.position();
        out.putShort((short) attribute.type()).putShort((short) attribute.valueLength());
        attribute.writeValue(out, transactionId);
        int written = out.position() - start - 4;
        if (written != attribute.valueLength()) {
            throw new IllegalStateException("%s wrote %d bytes, announced %d"
                    .formatted(attribute.getClass().getSimpleName(), written, attribute.valueLength()));
        }
        for (int i = written; i < padded(written); i++) {
            out.put((byte) 0);
        }
    }

    /** Sets the length field as if the message ended after one more attribute with a value of this length. */
    private static void setBodyLength(ByteBuffer out, int start, int nextValueLength) {
        int length = out.position() - start - StunHeader.HEADER_SIZE + 4 + nextValueLength;
        out.putShort(start + 2, (short) length);
    }

    /** The bytes written so far, as a separate view. */
    private static ByteBuffer covered(ByteBuffer out, int start) {
        return out.duplicate().limit(out.position()).position(start);
    }

    private static int padded(int length) {
        return length + 3 & ~3;
    }
}
