package org.webrtcscratch.stun.attr;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * ERROR-CODE values a STUN/TURN server sends: RFC 8489 §14.8 and RFC 8656 §19 (IANA "STUN Error Codes").
 * The reason phrase is the registry's; a response may carry a more specific one.
 */
public enum StunErrorCode {
    TRY_ALTERNATE(300, "Try Alternate"),
    BAD_REQUEST(400, "Bad Request"),
    UNAUTHENTICATED(401, "Unauthenticated"),
    FORBIDDEN(403, "Forbidden"),
    MOBILITY_FORBIDDEN(405, "Mobility Forbidden"),
    UNKNOWN_ATTRIBUTE(420, "Unknown Attribute"),
    ALLOCATION_MISMATCH(437, "Allocation Mismatch"),
    STALE_NONCE(438, "Stale Nonce"),
    ADDRESS_FAMILY_NOT_SUPPORTED(440, "Address Family not Supported"),
    WRONG_CREDENTIALS(441, "Wrong Credentials"),
    UNSUPPORTED_TRANSPORT_PROTOCOL(442, "Unsupported Transport Protocol"),
    PEER_ADDRESS_FAMILY_MISMATCH(443, "Peer Address Family Mismatch"),
    ALLOCATION_QUOTA_REACHED(486, "Allocation Quota Reached"),
    ROLE_CONFLICT(487, "Role Conflict"),
    SERVER_ERROR(500, "Server Error"),
    INSUFFICIENT_CAPACITY(508, "Insufficient Capacity");

    private static final Map<Integer, StunErrorCode> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(StunErrorCode::code, Function.identity()));

    private final int code;
    private final String reason;

    StunErrorCode(int code, String reason) {
        this.code = code;
        this.reason = reason;
    }

    /** The numeric code, 300..699 (class * 100 + number). */
    public int code() {
        return code;
    }

    public String reason() {
        return reason;
    }

    /** The registered code for {@code code}, or {@code null} when the registry has none. */
    public static StunErrorCode of(int code) {
        return BY_CODE.get(code);
    }
}
