package org.webrtcscratch.turn.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CidrTest {

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource({
            "10.0.0.0/8,       10.0.0.0,        true",
            "10.0.0.0/8,       10.255.255.255,  true",
            "10.0.0.0/8,       11.0.0.0,        false",
            "10.0.0.0/8,       9.255.255.255,   false",
            "172.16.0.0/12,    172.31.255.255,  true",
            "172.16.0.0/12,    172.32.0.0,      false",
            "100.64.0.0/10,    100.127.0.1,     true",
            "100.64.0.0/10,    100.128.0.1,     false",
            "0.0.0.0/0,        203.0.113.9,     true",
            "192.0.2.7,        192.0.2.7,       true",
            "192.0.2.7,        192.0.2.8,       false",
            "fe80::/10,        febf::1,         true",
            "fe80::/10,        fec0::1,         false",
            "fc00::/7,         fdff::1,         true",
            "::1,              ::1,             true",
            "::/128,           ::1,             false",
            "10.0.0.0/8,       ::ffff:0a00:1,   true",
            "10.0.0.0/8,       2001:db8::a00:1, false",
            "::/0,             10.0.0.1,        false",
    })
    void contains(String cidr, String address, boolean expected) throws Exception {
        assertThat(Cidr.parse(cidr).contains(InetAddress.getByName(address))).isEqualTo(expected);
    }

    @Test
    void printsInCidrNotation() {
        assertThat(Cidr.parse(" 192.168.0.0/16 ")).hasToString("192.168.0.0/16");
        assertThat(Cidr.parse("2001:db8::")).hasToString("2001:db8:0:0:0:0:0:0/128");
    }

    @Test
    void refusesHostBitsAndSuggestsTheNetwork() {
        assertThatThrownBy(() -> Cidr.parse("10.0.0.1/8"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("did you mean 10.0.0.0/8?");
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "localhost", "10.0.0.0/33", "::/129", "10.0.0/8", "256.0.0.0/8",
            "10.0.0.0/x", "1.2.3.4.5", "", "fe80::1%eth0/64"})
    void refusesWhatIsNotANumericPrefix(String text) {
        assertThatThrownBy(() -> Cidr.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
