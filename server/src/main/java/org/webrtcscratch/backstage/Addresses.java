package org.webrtcscratch.backstage;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/** Addresses as the events write them: {@code 192.0.2.1}, {@code 192.0.2.1:5000}, {@code [2001:db8::1]:5000}. */
final class Addresses {

    private Addresses() {
    }

    static String ip(InetAddress address) {
        return address.getHostAddress();
    }

    static String text(InetSocketAddress address) {
        if (address == null) {
            return null;
        }
        String ip = ip(address.getAddress());
        return (address.getAddress() instanceof Inet6Address ? "[" + ip + "]" : ip) + ":" + address.getPort();
    }
}
