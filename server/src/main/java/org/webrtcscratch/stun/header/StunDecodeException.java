package org.webrtcscratch.stun.header;

import java.util.Optional;

/**
 * Bytes that are not a well-formed STUN or ChannelData message. {@link #where()} names the part that failed
 * ("header/length", "attribute XOR-PEER-ADDRESS (0x0012) at offset 32"), {@link #why()} says what was wrong.
 */
public class StunDecodeException extends RuntimeException {

    private final String where;
    private final String why;
    private final transient StunHeader header;

    public StunDecodeException(String where, String why) {
        this(where, why, null);
    }

    public StunDecodeException(String where, String why, StunHeader header) {
        super(where + ": " + why);
        this.where = where;
        this.why = why;
        this.header = header;
    }

    public String where() {
        return where;
    }

    public String why() {
        return why;
    }

    /** The message's type and transaction ID, when the header had been read before the failure. */
    public Optional<StunHeader> header() {
        return Optional.ofNullable(header);
    }
}
