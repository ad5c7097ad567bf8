package org.webrtcscratch.stun.attr;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Attribute types this codec knows, from the IANA "STUN Attributes" registry: RFC 8489 §18.3 and RFC 8656 §18.
 * Types below 0x8000 are comprehension-required, the others comprehension-optional (RFC 8489 §14).
 */
public enum AttributeType {
    MAPPED_ADDRESS(0x0001),
    USERNAME(0x0006),
    MESSAGE_INTEGRITY(0x0008),
    ERROR_CODE(0x0009),
    UNKNOWN_ATTRIBUTES(0x000A),
    CHANNEL_NUMBER(0x000C),
    LIFETIME(0x000D),
    XOR_PEER_ADDRESS(0x0012),
    DATA(0x0013),
    REALM(0x0014),
    NONCE(0x0015),
    XOR_RELAYED_ADDRESS(0x0016),
    REQUESTED_ADDRESS_FAMILY(0x0017),
    EVEN_PORT(0x0018),
    REQUESTED_TRANSPORT(0x0019),
    DONT_FRAGMENT(0x001A),
    MESSAGE_INTEGRITY_SHA256(0x001C),
    PASSWORD_ALGORITHM(0x001D),
    USERHASH(0x001E),
    XOR_MAPPED_ADDRESS(0x0020),
    RESERVATION_TOKEN(0x0022),
    ADDITIONAL_ADDRESS_FAMILY(0x8000),
    ADDRESS_ERROR_CODE(0x8001),
    PASSWORD_ALGORITHMS(0x8002),
    ICMP(0x8004),
    SOFTWARE(0x8022),
    ALTERNATE_SERVER(0x8023),
    FINGERPRINT(0x8028);

    /** RFC 8489 §14: "Attributes with type values between 0x0000 and 0x7FFF are comprehension-required". */
    public static final int FIRST_COMPREHENSION_OPTIONAL = 0x8000;

    private static final Map<Integer, AttributeType> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(AttributeType::code, Function.identity()));

    private final int code;

    AttributeType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The name the RFCs use, such as {@code XOR-MAPPED-ADDRESS}. */
    public String rfcName() {
        return name().replace('_', '-');
    }

    public static Optional<AttributeType> of(int code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }

    public static boolean isComprehensionRequired(int code) {
        return code < FIRST_COMPREHENSION_OPTIONAL;
    }

    /** "XOR-MAPPED-ADDRESS (0x0020)" for a known type, "0x7f01" otherwise: for error messages. */
    public static String describe(int code) {
        return of(code).map(t -> "%s (0x%04x)".formatted(t.rfcName(), code)).orElse("0x%04x".formatted(code));
    }
}
