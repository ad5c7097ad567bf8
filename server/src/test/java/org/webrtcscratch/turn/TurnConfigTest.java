package org.webrtcscratch.turn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.webrtcscratch.turn.allocation.PortRange;
import org.webrtcscratch.turn.allocation.RelayIp;
import org.webrtcscratch.turn.allocation.AllocationLimits;

class TurnConfigTest {

    @Test
    void defaultsFollowTheRfcAndStayClearOfLinuxEphemeralPorts() {
        AllocationLimits config = TurnConfig.defaults().allocation();

        assertThat(config.allocationLifetime()).isEqualTo(Duration.ofSeconds(600));
        assertThat(config.maxAllocationLifetime()).isEqualTo(Duration.ofSeconds(3600));
        assertThat(config.relayPorts().min()).isGreaterThan(60999);
        assertThat(config.relayPorts().max()).isEqualTo(65535);
        assertThat(config.peerPolicy().allowLoopback()).isFalse();
        assertThat(config.peerPolicy().allowPrivate()).isFalse();
        assertThat(TurnConfig.defaults().credentialTtl()).isEqualTo(Duration.ofMinutes(10));
        assertThat(TurnConfig.defaults().maxCredentialLifetime()).isEqualTo(Duration.ofHours(24).plusMinutes(5));
    }

    @Test
    void credentialsHandedOutMustLiveNoLongerThanTheServerAccepts() {
        assertThatThrownBy(() -> TurnConfig.builder().credentialTtl(Duration.ofHours(25)).build())
                .hasMessageContaining("maxCredentialLifetime");
        assertThat(TurnConfig.builder().credentialTtl(Duration.ofHours(25)).maxCredentialLifetime(Duration.ofHours(25))
                .build().credentialTtl()).isEqualTo(Duration.ofHours(25));
    }

    @Test
    void validateNamesEveryProblem() {
        assertThatThrownBy(() -> TurnConfig.builder()
                .realm(" ")
                .maxAllocations(5)
                .maxAllocationsPerUser(6)
                .allocationLifetime(Duration.ofSeconds(600))
                .maxAllocationLifetime(Duration.ofSeconds(300))
                .bandwidthCapBytesPerSecond(-1)
                .unauthorizedLimit(0)
                .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("realm")
                .hasMessageContaining("maxAllocationsPerUser (6) must not exceed maxAllocations (5)")
                .hasMessageContaining("maxAllocationLifetime")
                .hasMessageContaining("bandwidthCapBytesPerSecond")
                .hasMessageContaining("unauthorizedLimit");
    }

    @Test
    void refusesTwoRelayAddressesOfOneFamily() throws Exception {
        var builder = TurnConfig.builder().relayIps(List.of(
                RelayIp.of(InetAddress.getByName("127.0.0.1")), RelayIp.of(InetAddress.getByName("127.0.0.2"))));

        assertThatThrownBy(builder::build).hasMessageContaining("two addresses of one family");
    }

    @Test
    void refusesAnEmptyRelayAddressList() {
        assertThatThrownBy(() -> TurnConfig.builder().relayIps(List.of()).build())
                .hasMessageContaining("relayIps must hold at least one address");
    }

    @Test
    void toBuilderKeepsEveryValue() {
        TurnConfig config = TurnConfig.builder().realm("example.org").relayPorts(new PortRange(40000, 40010))
                .maxAllocations(7).maxAllocationsPerUser(5).allowPrivatePeers(true).build();

        assertThat(config.toBuilder().build()).isEqualTo(config);
    }
}
