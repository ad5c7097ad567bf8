package org.webrtcscratch.stun.header;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The STUN methods this server speaks: IANA "STUN Methods", RFC 8489 §18.2 and RFC 8656 §17. */
public enum StunMethod {
    /** Learn the reflexive transport address, RFC 8489 §3. */
    BINDING(0x001),
    /** Create a relayed transport address, RFC 8656 §7. */
    ALLOCATE(0x003),
    /** Extend or delete an allocation, RFC 8656 §8. */
    REFRESH(0x004),
    /** Indication carrying data from the client to a peer, RFC 8656 §10.1. */
    SEND(0x006),
    /** Indication carrying data from a peer to the client, RFC 8656 §10.3. */
    DATA(0x007),
    /** Install permissions for peer IP addresses, RFC 8656 §9. */
    CREATE_PERMISSION(0x008),
    /** Bind a channel number to a peer address, RFC 8656 §11. */
    CHANNEL_BIND(0x009);

    private static final Map<Integer, StunMethod> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(StunMethod::code, Function.identity()));

    private final int code;

    StunMethod(int code) {
        this.code = code;
    }

    /** The 12-bit method number. */
    public int code() {
        return code;
    }

    /** The method registered under {@code code}, if this server knows it. */
    public static Optional<StunMethod> of(int code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }
}
