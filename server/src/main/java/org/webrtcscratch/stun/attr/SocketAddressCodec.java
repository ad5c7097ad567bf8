package org.webrtcscratch.stun.attr;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import org.webrtcscratch.stun.header.StunHeader;
import org.webrtcscratch.stun.header.TransactionId;

/**
 * The address layout shared by MAPPED-ADDRESS and ALTERNATE-SERVER (RFC 8489 §14.1) and its XOR-ed form shared
 * by XOR-MAPPED-ADDRESS, XOR-PEER-ADDRESS and XOR-RELAYED-ADDRESS (RFC 8489 §14.2): a zero byte, the family, the
 * port, then 4 or 16 bytes of address. XOR-ing hides the address from middleboxes that rewrite it: the port is
 * XOR-ed with the cookie's top 16 bits, the address with the cookie (IPv4) or cookie + transaction ID (IPv6).
 */
public final class SocketAddressCodec {

    private SocketAddressCodec() {
    }

    public static InetSocketAddress read(AttributeValue value) {
        return read(value, null);
    }

    public static InetSocketAddress readXor(AttributeValue value) {
        return read(value, xorMask(value.transactionId()));
    }

    /** Value length for {@code address}: 8 for IPv4, 20 for IPv6. */
    public static int valueLength(InetSocketAddress address) {
        return 4 + AddressFamily.of(address.getAddress()).addressLength();
    }

    public static void write(ByteBuffer out, InetSocketAddress address) {
        write(out, address, null);
    }

    public static void writeXor(ByteBuffer out, InetSocketAddress address, TransactionId transactionId) {
        write(out, address, xorMask(transactionId));
    }

    /** Record constructors call this: an address attribute carries a literal address, never a host name. */
    public static InetSocketAddress requireResolved(InetSocketAddress address) {
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("unresolved address " + address + ": an attribute needs an IP");
        }
        return address;
    }

    private static InetSocketAddress read(AttributeValue value, byte[] mask) {
        value.requireLength(8, 20);
        int familyCode = value.u8(1);
        AddressFamily family = AddressFamily.of(familyCode)
                .orElseThrow(() -> value.error("unknown address family 0x%02x".formatted(familyCode)));
        value.requireLength(4 + family.addressLength());
        byte[] address = value.bytes(4, family.addressLength());
        int port = value.u16(2);
        if (mask != null) {
            port ^= StunHeader.MAGIC_COOKIE >>> 16;
            for (int i = 0; i < address.length; i++) {
                address[i] ^= mask[i];
            }
        }
        return new InetSocketAddress(byAddress(address), port);
    }

    private static void write(ByteBuffer out, InetSocketAddress address, byte[] mask) {
        InetAddress ip = address.getAddress();
        byte[] bytes = ip.getAddress();
        int port = address.getPort();
        if (mask != null) {
            port ^= StunHeader.MAGIC_COOKIE >>> 16;
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] ^= mask[i];
            }
        }
        out.put((byte) 0).put((byte) AddressFamily.of(ip).code()).putShort((short) port).put(bytes);
    }

    /** Magic cookie followed by the transaction ID: 16 bytes, of which IPv4 uses the first 4. */
    private static byte[] xorMask(TransactionId transactionId) {
        ByteBuffer mask = ByteBuffer.allocate(16).putInt(StunHeader.MAGIC_COOKIE);
        transactionId.writeTo(mask);
        return mask.array();
    }

    private static InetAddress byAddress(byte[] address) {
        try {
            return InetAddress.getByAddress(address);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes always make an address", e);
        }
    }
}
