package org.webrtcscratch.stun.attr;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import org.webrtcscratch.stun.header.TransactionId;

/**
 * An attribute whose value is a transport address in the clear, as RFC 8489 §14.1 lays it out: MAPPED-ADDRESS
 * and ALTERNATE-SERVER, which differ only in their type code.
 */
public sealed interface AddressAttribute extends Attribute permits MappedAddress, AlternateServer {

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
