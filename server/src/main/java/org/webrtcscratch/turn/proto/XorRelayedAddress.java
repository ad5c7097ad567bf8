package org.webrtcscratch.turn.proto;

import java.net.InetSocketAddress;
import org.webrtcscratch.stun.attr.AttributeType;
import org.webrtcscratch.stun.attr.AttributeValue;
import org.webrtcscratch.stun.attr.SocketAddressCodec;
import org.webrtcscratch.stun.attr.XorAddressAttribute;

/**
 * XOR-RELAYED-ADDRESS, RFC 8656 §18.5: the relayed transport address the server allocated, XOR-ed like
 * XOR-MAPPED-ADDRESS.
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |0 0 0 0 0 0 0 0|    Family     |         X-Port                |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                X-Address (32 bits or 128 bits)                |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public record XorRelayedAddress(InetSocketAddress address) implements TurnAttribute, XorAddressAttribute {

    public XorRelayedAddress {
        SocketAddressCodec.requireResolved(address);
    }

    public static XorRelayedAddress decode(AttributeValue value) {
        return new XorRelayedAddress(SocketAddressCodec.readXor(value));
    }

    @Override
    public int type() {
        return AttributeType.XOR_RELAYED_ADDRESS.code();
    }
}
