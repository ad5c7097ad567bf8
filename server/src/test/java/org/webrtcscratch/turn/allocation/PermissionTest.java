package org.webrtcscratch.turn.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.webrtcscratch.turn.allocation.Fixture.ALICE;
import static org.webrtcscratch.turn.allocation.Fixture.ip;
import static org.webrtcscratch.turn.allocation.Fixture.peer;
import static org.webrtcscratch.turn.allocation.Fixture.tuple;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.webrtcscratch.stun.attr.StunErrorCode;

class PermissionTest {

    private final Fixture f = new Fixture(b -> b.maxPermissionsPerAllocation(3));
    private final Allocation allocation = f.allocated(tuple(1000));

    @Test
    void createPermissionInstallsForTheIpWhateverThePort() {
        CreatePermissionOutcome outcome = createPermissions("198.51.100.20", "198.51.100.21");

        assertThat(outcome).isEqualTo(new CreatePermissionOutcome.Installed(
                List.of(ip("198.51.100.20"), ip("198.51.100.21"))));
        assertThat(allocation.routeSend(peer("198.51.100.20", 1), 100)).isInstanceOf(ClientToPeer.Forward.class);
        assertThat(allocation.routeSend(peer("198.51.100.20", 65535), 100)).isInstanceOf(ClientToPeer.Forward.class);
        assertThat(allocation.routeSend(peer("198.51.100.22", 1), 100))
                .isEqualTo(Dropped.of(DropReason.NO_PERMISSION));
    }

    @Test
    void aPermissionLastsFiveMinutes() {
        createPermissions("198.51.100.20");

        f.clock.advanceSeconds(299);
        assertThat(allocation.routeSend(peer("198.51.100.20", 5000), 100)).isInstanceOf(ClientToPeer.Forward.class);
        f.clock.advanceSeconds(1);

        assertThat(allocation.routeSend(peer("198.51.100.20", 5000), 100))
                .isEqualTo(Dropped.of(DropReason.NO_PERMISSION));
        assertThat(allocation.permissions()).isEmpty();
    }

    @Test
    void createPermissionAgainRefreshesIt() {
        createPermissions("198.51.100.20");
        f.clock.advanceSeconds(200);
        createPermissions("198.51.100.20");
        f.clock.advanceSeconds(200);

        assertThat(allocation.permissions()).containsExactly(
                new Permission(ip("198.51.100.20"), f.clock.instant().plusSeconds(100)));
    }

    @Test
    void aPeerOfTheOtherFamilyIsPeerAddressFamilyMismatch() {
        assertThat(createPermissions("2001:db8::20")).isInstanceOfSatisfying(Rejection.class,
                r -> assertThat(r.code()).isEqualTo(StunErrorCode.PEER_ADDRESS_FAMILY_MISMATCH));
    }

    @Test
    void aDeniedPeerIsForbiddenAndNothingIsInstalled() {
        CreatePermissionOutcome outcome = createPermissions("198.51.100.20", "127.0.0.1");

        assertThat(outcome).isInstanceOfSatisfying(Rejection.class, r -> {
            assertThat(r.code()).isEqualTo(StunErrorCode.FORBIDDEN);
            assertThat(r.reason()).contains("127.0.0.1").contains("loopback");
        });
        assertThat(allocation.permissions()).isEmpty();
    }

    @Test
    void aMappedLoopbackPeerIsForbiddenToo() throws Exception {
        InetAddress mapped = Inet6Address.getByAddress(null,
                HexFormat.of().parseHex("00000000000000000000ffff7f000001"), -1);

        assertThat(f.manager.createPermissions(tuple(1000), ALICE, List.of(mapped)))
                .isInstanceOfSatisfying(Rejection.class,
                        r -> assertThat(r.code()).isEqualTo(StunErrorCode.FORBIDDEN));
    }

    @Test
    void aMappedPeerMatchesThePlainIpv4Permission() throws Exception {
        InetAddress mapped = Inet6Address.getByAddress(null,
                HexFormat.of().parseHex("00000000000000000000ffffc6336414"), -1);

        assertThat(f.manager.createPermissions(tuple(1000), ALICE, List.of(mapped)))
                .isEqualTo(new CreatePermissionOutcome.Installed(List.of(ip("198.51.100.20"))));
        assertThat(allocation.routeFromPeer(peer("198.51.100.20", 5000), 10))
                .isEqualTo(PeerToClient.DATA_INDICATION);
    }

    @Test
    void pastTheCapNothingIsInstalledAndTheAnswerIsInsufficientCapacity() {
        createPermissions("198.51.100.20", "198.51.100.21");

        CreatePermissionOutcome outcome = createPermissions("198.51.100.22", "198.51.100.23");

        assertThat(outcome).isInstanceOfSatisfying(Rejection.class, r -> {
            assertThat(r.code()).isEqualTo(StunErrorCode.INSUFFICIENT_CAPACITY);
            assertThat(r.reason()).contains("4 permissions, the limit is 3");
        });
        assertThat(allocation.permissions()).extracting(Permission::peer)
                .containsExactlyInAnyOrder(ip("198.51.100.20"), ip("198.51.100.21"));
    }

    @Test
    void refreshingExistingPermissionsDoesNotCountAgainstTheCap() {
        createPermissions("198.51.100.20", "198.51.100.21", "198.51.100.22");

        assertThat(createPermissions("198.51.100.20", "198.51.100.21", "198.51.100.22", "198.51.100.20"))
                .isInstanceOf(CreatePermissionOutcome.Installed.class);
    }

    @Test
    void expiredPermissionsFreeTheirPlaces() {
        createPermissions("198.51.100.20", "198.51.100.21", "198.51.100.22");
        f.clock.advanceSeconds(300);

        assertThat(createPermissions("198.51.100.30", "198.51.100.31", "198.51.100.32"))
                .isInstanceOf(CreatePermissionOutcome.Installed.class);
    }

    @Test
    void noPeerAtAllIsBadRequest() {
        assertThat(createPermissions()).isInstanceOfSatisfying(Rejection.class,
                r -> assertThat(r.code()).isEqualTo(StunErrorCode.BAD_REQUEST));
    }

    @Test
    void createPermissionWithoutAllocationIsAllocationMismatch() {
        assertThat(f.manager.createPermissions(tuple(2000), ALICE, List.of(ip("198.51.100.20"))))
                .isInstanceOfSatisfying(Rejection.class,
                        r -> assertThat(r.code()).isEqualTo(StunErrorCode.ALLOCATION_MISMATCH));
    }

    @Test
    void loopbackPeersCanBeAllowedByConfiguration() {
        Fixture open = new Fixture(b -> b.allowLoopbackPeers(true));
        open.allocated(tuple(1000));

        assertThat(open.manager.createPermissions(tuple(1000), ALICE, List.of(ip("127.0.0.1"))))
                .isInstanceOf(CreatePermissionOutcome.Installed.class);
    }

    private CreatePermissionOutcome createPermissions(String... peers) {
        return f.manager.createPermissions(tuple(1000), ALICE, Arrays.stream(peers).map(Fixture::ip).toList());
    }
}
