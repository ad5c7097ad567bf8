package org.webrtcscratch.stun.attr;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import org.webrtcscratch.stun.header.TransactionId;

/**
 * An attribute whose value is a transport address as RFC 8489 §14.1 lays it out: MAPPED-ADDRESS and
 * ALTERNATE-SERVER in the clear, and the XOR-ed ones ({@link XorAddressAttribute}), which differ only in their
 * type code. The value is written here once, through {@link SocketAddressCodec}.
 */
public sealed interface AddressAttribute extends Attribute permits MappedAddress, AlternateServer, XorAddressAttribute {

    InetSocketAddress address();

    @Override
    default int valueLength() {
        return SocketAddressCodec.valueLength(address());
    }

    @Override
    default void writeValue(ByteBuffer out, TransactionId transactionId) {
        SocketAddressCodec.write(out, address());
    }
}
