package org.webrtcscratch.turn.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PeerAddressPolicyTest {

    private final PeerAddressPolicy strict = PeerAddressPolicy.publicOnly();
    private final PeerAddressPolicy loopbackAllowed = new PeerAddressPolicy(true, false, List.of(), List.of());
    private final PeerAddressPolicy privateAllowed = new PeerAddressPolicy(false, true, List.of(), List.of());

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "0.0.0.0,          UNSPECIFIED",
            "0.255.255.255,    UNSPECIFIED",
            "::,               UNSPECIFIED",
            "127.0.0.1,        LOOPBACK",
            "127.255.255.254,  LOOPBACK",
            "::1,              LOOPBACK",
            "10.0.0.1,         PRIVATE",
            "10.255.255.255,   PRIVATE",
            "172.16.0.1,       PRIVATE",
            "172.31.255.255,   PRIVATE",
            "192.168.1.1,      PRIVATE",
            "100.64.0.1,       SHARED",
            "100.127.255.255,  SHARED",
            "fc00::1,          UNIQUE_LOCAL",
            "fdab:cdef::1,     UNIQUE_LOCAL",
            "fec0::1,          SITE_LOCAL",
            "64:ff9b:1::1,     LOCAL_NAT64",
            "169.254.169.254,  LINK_LOCAL",
            "fe80::1,          LINK_LOCAL",
            "febf:ffff::1,     LINK_LOCAL",
            "192.0.0.8,        IETF_PROTOCOL",
            "198.18.0.1,       BENCHMARKING",
            "198.19.255.255,   BENCHMARKING",
            "100::1,           DISCARD",
            "224.0.0.1,        MULTICAST",
            "239.255.255.250,  MULTICAST",
            "ff02::1,          MULTICAST",
            "255.255.255.255,  BROADCAST",
            "240.0.0.1,        RESERVED",
    })
    void deniesEverySpecialPurposeRangeByDefault(String address, SpecialPurposeRange range) throws Exception {
        InetAddress peer = InetAddress.getByName(address);

        assertThat(SpecialPurposeRange.of(peer)).contains(range);
        PeerVerdict verdict = strict.check(peer);
        assertThat(verdict.allowed()).isFalse();
        assertThat(verdict.reason()).contains(peer.getHostAddress()).contains(range.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "172.32.0.1", "172.15.255.255", "100.128.0.1", "100.63.255.255",
            "11.0.0.1", "169.253.255.255", "223.255.255.255", "2001:4860:4860::8888", "2a00:1450::1", "fbff::1"})
    void allowsPublicUnicast(String address) throws Exception {
        assertThat(strict.check(InetAddress.getByName(address)).allowed()).isTrue();
    }

    @Test
    void loopbackFlagOpensLoopbackOnly() throws Exception {
        assertThat(loopbackAllowed.check(InetAddress.getByName("127.0.0.1")).allowed()).isTrue();
        assertThat(loopbackAllowed.check(InetAddress.getByName("::1")).allowed()).isTrue();
        assertThat(loopbackAllowed.check(InetAddress.getByName("10.0.0.1")).allowed()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.1.2.3", "172.20.0.1", "192.168.0.10", "100.64.1.1", "fd00::5", "fec0::5",
            "64:ff9b:1::5"})
    void privateFlagOpensPrivateCgnatAndUniqueLocal(String address) throws Exception {
        assertThat(privateAllowed.check(InetAddress.getByName(address)).allowed()).isTrue();
        assertThat(strict.check(InetAddress.getByName(address)).allowed()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "169.254.169.254", "fe80::1"})
    void privateFlagDoesNotOpenLoopbackOrLinkLocal(String address) throws Exception {
        assertThat(privateAllowed.check(InetAddress.getByName(address)).allowed()).isFalse();
    }

    @Test
    void allowListOpensLinkLocalAndSelectedPrivateRanges() throws Exception {
        var policy = new PeerAddressPolicy(false, false,
                List.of(Cidr.parse("169.254.10.0/24"), Cidr.parse("10.1.0.0/16")), List.of());

        assertThat(policy.check(InetAddress.getByName("169.254.10.5")).allowed()).isTrue();
        assertThat(policy.check(InetAddress.getByName("169.254.169.254")).allowed()).isFalse();
        assertThat(policy.check(InetAddress.getByName("10.1.200.1")).allowed()).isTrue();
        assertThat(policy.check(InetAddress.getByName("10.2.0.1")).allowed()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "224.0.0.1", "255.255.255.255", "ff02::1", "::"})
    void allowListNeverOpensRangesThatAreNotUnicastDestinations(String address) throws Exception {
        var policy = new PeerAddressPolicy(true, true, List.of(Cidr.parse("0.0.0.0/0"), Cidr.parse("::/0")), List.of());

        assertThat(policy.check(InetAddress.getByName(address)).allowed()).isFalse();
    }

    @Test
    void denyListWinsOverAllowListAndFlags() throws Exception {
        var policy = new PeerAddressPolicy(true, true, List.of(Cidr.parse("203.0.113.0/24")),
                List.of(Cidr.parse("203.0.113.5/32"), Cidr.parse("192.168.7.0/24")));

        assertThat(policy.check(InetAddress.getByName("203.0.113.4")).allowed()).isTrue();
        PeerVerdict ownAddress = policy.check(InetAddress.getByName("203.0.113.5"));
        assertThat(ownAddress.allowed()).isFalse();
        assertThat(ownAddress.reason()).contains("denied peers 203.0.113.5/32");
        assertThat(policy.check(InetAddress.getByName("192.168.7.1")).allowed()).isFalse();
        assertThat(policy.check(InetAddress.getByName("192.168.8.1")).allowed()).isTrue();
    }

    @Test
    void theServersOwnAddressesAreDeniedUnlessAllowedByName() throws Exception {
        InetAddress own = InetAddress.getByName("198.51.100.20");
        var policy = PeerAddressPolicy.publicOnly().withOwn(List.of(own, InetAddress.getByName("2001:db8::20")));

        PeerVerdict verdict = policy.check(own);
        assertThat(verdict.allowed()).isFalse();
        assertThat(verdict.reason()).contains("an address of this server");
        assertThat(policy.check(InetAddress.getByName("::ffff:198.51.100.20")).allowed()).isFalse();
        assertThat(policy.check(InetAddress.getByName("2001:db8::20")).allowed()).isFalse();
        assertThat(policy.check(InetAddress.getByName("198.51.100.21")).allowed()).isTrue();
        var opened = new PeerAddressPolicy(false, false, List.of(Cidr.parse("198.51.100.20/32")), List.of(),
                List.of(own));
        assertThat(opened.check(own).allowed()).isTrue();
    }

    /** IPv6 forms carrying an IPv4 address, built without Java folding mapped addresses into IPv4. */
    @ParameterizedTest(name = "{0} carries {1}")
    @CsvSource({
            "00000000000000000000ffff7f000001, 127.0.0.1,       MAPPED",
            "00000000000000000000ffff0a000001, 10.0.0.1,        MAPPED",
            "00000000000000000000ffffa9fea9fe, 169.254.169.254, MAPPED",
            "0000000000000000000000007f000001, 127.0.0.1,       COMPATIBLE",
            "0000000000000000000000000a000001, 10.0.0.1,        COMPATIBLE",
            "0064ff9b00000000000000007f000001, 127.0.0.1,       NAT64",
            "0064ff9b0000000000000000c0a80101, 192.168.1.1,     NAT64",
            "20027f00000100000000000000000001, 127.0.0.1,       SIX_TO_FOUR",
            "20020a00000100000000000000000001, 10.0.0.1,        SIX_TO_FOUR",
            "200100004136e37800000000f5fffffe, 10.0.0.1,        TEREDO",
    })
    void looksThroughIpv6FormsThatCarryIpv4(String hex, String ipv4, EmbeddedIpv4.Mechanism mechanism)
            throws Exception {
        InetAddress peer = Inet6Address.getByAddress(null, HexFormat.of().parseHex(hex), -1);

        assertThat(peer).isInstanceOf(Inet6Address.class);
        assertThat(EmbeddedIpv4.in(peer)).get()
                .satisfies(e -> assertThat(e.ipv4()).isEqualTo(InetAddress.getByName(ipv4)))
                .satisfies(e -> assertThat(e.mechanism()).isEqualTo(mechanism));
        PeerVerdict verdict = strict.check(peer);
        assertThat(verdict.allowed()).isFalse();
        assertThat(verdict.reason()).contains("carries " + ipv4).contains(mechanism.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"00000000000000000000ffff08080808", "0064ff9b000000000000000008080808",
            "20020808080800000000000000000001"})
    void allowsIpv6FormsThatCarryAPublicIpv4(String hex) throws Exception {
        InetAddress peer = Inet6Address.getByAddress(null, HexFormat.of().parseHex(hex), -1);

        assertThat(strict.check(peer).allowed()).isTrue();
    }

    @Test
    void loopbackFlagAlsoOpensTheMappedLoopback() throws Exception {
        InetAddress mapped = Inet6Address.getByAddress(null,
                HexFormat.of().parseHex("00000000000000000000ffff7f000001"), -1);

        assertThat(loopbackAllowed.check(mapped).allowed()).isTrue();
    }

    @Test
    void unmapTurnsOnlyMappedAddressesIntoIpv4() throws Exception {
        InetAddress mapped = Inet6Address.getByAddress(null,
                HexFormat.of().parseHex("00000000000000000000ffffcb007105"), -1);
        InetAddress nat64 = InetAddress.getByName("64:ff9b::cb00:7105");

        assertThat(EmbeddedIpv4.unmap(mapped)).isEqualTo(InetAddress.getByName("203.0.113.5"));
        assertThat(EmbeddedIpv4.unmap(nat64)).isSameAs(nat64);
        assertThat(EmbeddedIpv4.in(InetAddress.getByName("::1"))).isEmpty();
        assertThat(EmbeddedIpv4.in(InetAddress.getByName("::"))).isEmpty();
    }
}
