package org.webrtcscratch.net;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.List;

/**
 * This host's own addresses, as its network interfaces list them: where TURN relays from, what the
 * self-signed certificate names, what the start-up banner prints.
 */
public final class InterfaceAddresses {

    private InterfaceAddresses() {
    }

    /**
     * Every address of every interface that is up, in the JDK's order. A global IPv6 address comes without the
     * interface scope it is listed with ("%eth0"): it means the same without it, and prints cleaner. Empty when
     * the interfaces cannot be listed.
     */
    public static List<InetAddress> up() {
        try {
            return NetworkInterface.networkInterfaces()
                    .filter(InterfaceAddresses::isUp)
                    .flatMap(NetworkInterface::inetAddresses)
                    .map(InterfaceAddresses::withoutScope)
                    .toList();
        } catch (SocketException e) {
            return List.of();
        }
    }

    private static InetAddress withoutScope(InetAddress address) {
        if (!(address instanceof Inet6Address) || address.isLinkLocalAddress()) {
            return address;
        }
        try {
            return InetAddress.getByAddress(address.getAddress());
        } catch (UnknownHostException e) {
            throw new IllegalStateException("16 bytes always make an address", e);
        }
    }

    private static boolean isUp(NetworkInterface networkInterface) {
        try {
            return networkInterface.isUp();
        } catch (SocketException e) {
            return false;
        }
    }
}
