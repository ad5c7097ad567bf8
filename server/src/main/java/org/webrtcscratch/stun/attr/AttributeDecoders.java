package org.webrtcscratch.stun.attr;

import java.util.HashMap;
import java.util.Map;

/**
 * Which decoder reads which attribute type; types without one become {@link RawAttribute}s. Immutable:
 * {@link #with} returns a new table, so a STUN usage extends {@link #stun()} with its own attributes.
 */
public final class AttributeDecoders {

    private static final AttributeDecoders STUN = new AttributeDecoders(Map.of())
            .with(AttributeType.MAPPED_ADDRESS, MappedAddress::decode)
            .with(AttributeType.XOR_MAPPED_ADDRESS, XorMappedAddress::decode)
            .with(AttributeType.ALTERNATE_SERVER, AlternateServer::decode)
            .with(AttributeType.USERNAME, Username::decode)
            .with(AttributeType.USERHASH, UserHash::decode)
            .with(AttributeType.REALM, Realm::decode)
            .with(AttributeType.NONCE, Nonce::decode)
            .with(AttributeType.SOFTWARE, Software::decode)
            .with(AttributeType.MESSAGE_INTEGRITY, MessageIntegrity::decode)
            .with(AttributeType.MESSAGE_INTEGRITY_SHA256, MessageIntegritySha256::decode)
            .with(AttributeType.FINGERPRINT, Fingerprint::decode)
            .with(AttributeType.ERROR_CODE, ErrorCode::decode)
            .with(AttributeType.UNKNOWN_ATTRIBUTES, UnknownAttributes::decode)
            .with(AttributeType.PASSWORD_ALGORITHM, PasswordAlgorithm::decode)
            .with(AttributeType.PASSWORD_ALGORITHMS, PasswordAlgorithms::decode);

    private final Map<Integer, AttributeDecoder> byType;

    private AttributeDecoders(Map<Integer, AttributeDecoder> byType) {
        this.byType = byType;
    }

    /** The RFC 8489 attributes. */
    public static AttributeDecoders stun() {
        return STUN;
    }

    public AttributeDecoders with(AttributeType type, AttributeDecoder decoder) {
        Map<Integer, AttributeDecoder> copy = new HashMap<>(byType);
        copy.put(type.code(), decoder);
        return new AttributeDecoders(Map.copyOf(copy));
    }

    /** The decoder for {@code type}; {@link RawAttribute#decode} when none is registered. */
    public AttributeDecoder decoderFor(int type) {
        return byType.getOrDefault(type, RawAttribute::decode);
    }
}
