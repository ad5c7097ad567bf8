package org.webrtcscratch.turn.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** The stunclient parser on output captured from coturn 4.6.1's turnutils_stunclient. */
class StunclientReportTest {

    @Test
    void readsAnIpv6AddressWhosePortFollowsTheLastColon() {
        // From a responder that answered with the client's own source address, ::1 port 60453. coturn's
        // logger prints its first line twice.
        StunclientReport report = StunclientReport.parse(Samples.read("stunclient-ipv6.txt"));

        assertThat(report.reflexiveAddresses()).containsOnly(new InetSocketAddress("::1", 60453));
        assertThat(report.rfc5780()).isFalse();
        assertThat(report.problems()).isEmpty();
    }

    @Test
    void readsTheThreeAnswersOfAnRfc5780Server() {
        // coturn itself: the third request goes out from a new socket, one port up.
        StunclientReport report = StunclientReport.parse(Samples.read("stunclient-rfc5780-ipv4.txt"));

        assertThat(report.rfc5780()).isTrue();
        assertThat(report.reflexiveAddresses()).containsExactly(new InetSocketAddress("127.0.0.1", 35773),
                new InetSocketAddress("127.0.0.1", 35773), new InetSocketAddress("127.0.0.1", 35774));
        assertThat(report.problems()).isEmpty();
    }

    @Test
    void readsAnErrorResponse() {
        StunclientReport report = StunclientReport.parse(Samples.read("stunclient-error.txt"));

        assertThat(report.reflexiveAddresses()).isEmpty();
        assertThat(report.problems()).containsExactly("The response is an error 400 (Bad Request)");
    }

    @Test
    void refusesANameWhereAnAddressBelongs() {
        assertThatThrownBy(() -> StunclientReport.parse("0: : IPv4. UDP reflexive addr: localhost:3478"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'localhost'");
    }
}
