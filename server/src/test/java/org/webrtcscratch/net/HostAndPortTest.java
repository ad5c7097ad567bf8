package org.webrtcscratch.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** RFC 3986 §3.2.2-3.2.3 authorities and RFC 9110 §7.2 Host headers. */
class HostAndPortTest {

    @Test
    void namesAndIpv4WithAndWithoutAPort() {
        assertThat(HostAndPort.parse("example.org")).isEqualTo(new HostAndPort("example.org", OptionalInt.empty()));
        assertThat(HostAndPort.parse(" example.org:8080 ")).isEqualTo(new HostAndPort("example.org", OptionalInt.of(8080)));
        assertThat(HostAndPort.parse("192.0.2.1:0")).isEqualTo(new HostAndPort("192.0.2.1", OptionalInt.of(0)));
        assertThat(HostAndPort.parse("example.org:")).as("empty port: none")
                .isEqualTo(new HostAndPort("example.org", OptionalInt.empty()));
    }

    @Test
    void ipv6NeedsBracketsToCarryAPort() {
        assertThat(HostAndPort.parse("[2001:db8::1]:8443")).isEqualTo(new HostAndPort("2001:db8::1", OptionalInt.of(8443)));
        assertThat(HostAndPort.parse("[2001:db8::1]")).isEqualTo(new HostAndPort("2001:db8::1", OptionalInt.empty()));
        assertThat(HostAndPort.parse("2001:db8::1")).isEqualTo(new HostAndPort("2001:db8::1", OptionalInt.empty()));
    }

    @Test
    void refusesWhatIsNotAHostAndPort() {
        assertThatThrownBy(() -> HostAndPort.parse("example.org:x")).hasMessageContaining("port 'x'");
        assertThatThrownBy(() -> HostAndPort.parse("example.org:65536")).hasMessageContaining("0 to 65535");
        assertThatThrownBy(() -> HostAndPort.parse("example.org:-1")).hasMessageContaining("port '-1'");
        assertThatThrownBy(() -> HostAndPort.parse("[2001:db8::1")).hasMessageContaining("never closes");
        assertThatThrownBy(() -> HostAndPort.parse("[2001:db8::1]8080")).hasMessageContaining("not a port");
    }
}
