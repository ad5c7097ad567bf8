package org.webrtcscratch.stun.attr;

import java.nio.ByteBuffer;
import org.webrtcscratch.stun.header.TransactionId;

/**
 * An address attribute XOR-ed as RFC 8489 §14.2 lays it out: XOR-MAPPED-ADDRESS here, XOR-PEER-ADDRESS and
 * XOR-RELAYED-ADDRESS in TURN (RFC 8656 §18.3, §18.5). Not sealed for the reason {@link ExtensionAttribute} is
 * not: the TURN records live in another package.
 */
public non-sealed interface XorAddressAttribute extends AddressAttribute {

    @Override
    default void writeValue(ByteBuffer out, TransactionId transactionId) {
        SocketAddressCodec.writeXor(out, address(), transactionId);
    }
}
