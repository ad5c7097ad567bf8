package org.webrtcscratch.stun.attr;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Optional;

/** The Family byte of the address attributes, RFC 8489 §14.1, and of the TURN family attributes. */
public enum AddressFamily {
    IPV4(0x01, 4),
    IPV6(0x02, 16);

    private final int code;
    private final int addressLength;

    AddressFamily(int code, int addressLength) {
        this.code = code;
        this.addressLength = addressLength;
    }

    public int code() {
        return code;
    }

    /** Bytes of address: 4 or 16. */
    public int addressLength() {
        return addressLength;
    }

    public static Optional<AddressFamily> of(int code) {
        return switch (code) {
            case 0x01 -> Optional.of(IPV4);
            case 0x02 -> Optional.of(IPV6);
            default -> Optional.empty();
        };
    }

    public static AddressFamily of(InetAddress address) {
        return address instanceof Inet4Address ? IPV4 : IPV6;
    }
}
