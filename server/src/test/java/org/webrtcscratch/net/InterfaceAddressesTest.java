package org.webrtcscratch.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** The real interfaces of the machine the tests run on: loopback is up on every one of them. */
class InterfaceAddressesTest {

    @Test
    void listsTheLoopbackAddress() {
        assertThat(InterfaceAddresses.up()).contains(InetAddress.getLoopbackAddress());
    }

    @Test
    void onlyLinkLocalIpv6AddressesKeepTheirScope() {
        assertThat(InterfaceAddresses.up()).filteredOn(Inet6Address.class::isInstance)
                .filteredOn(address -> !address.isLinkLocalAddress())
                .allSatisfy(address -> assertThat(((Inet6Address) address).getScopeId()).isZero());
    }
}
