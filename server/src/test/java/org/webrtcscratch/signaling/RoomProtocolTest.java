package org.webrtcscratch.signaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.webrtcscratch.iceservers.IceServerProvider;

/**
 * The room protocol alone: fake connections, the in-memory rooms and mailboxes, and a manual clock, so the
 * resume window runs out exactly when the test moves time on.
 */
class RoomProtocolTest {

    private static final Duration WINDOW = Duration.ofSeconds(15);
    private static final String OFFER = "{\"description\":{\"type\":\"offer\",\"sdp\":\"v=0\\r\\n\"}}";

    private static final byte[] SECRET = "a secret of thirty-two bytes or more!".getBytes(StandardCharsets.UTF_8);

    private final ManualClock clock = new ManualClock();
    private final List<SignalingEvent> events = new CopyOnWriteArrayList<>();
    private final SignalingCodec codec = new SignalingCodec();
    private final ResumeTokens tokens = new ResumeTokens(SECRET);
    private final MemoryRooms rooms = rooms(tokens);
    private final RoomProtocol protocol = protocol(rooms, tokens);

    private MemoryRooms rooms(ResumeTokens issuer) {
        return new MemoryRooms(8, 100, (room, peerId) -> issuer.issue(room, peerId, clock.instant()));
    }

    private RoomProtocol protocol(MemoryRooms memberships, ResumeTokens verifier) {
        return new RoomProtocol(memberships, new Mailboxes(), IceServerProvider.fixed(List.of()), clock, events::add,
                WINDOW, codec, verifier, new Observers(Backstage.NONE, codec, clock, new SignalingStats()),
                new RoomEntry(RoomAccess.defaults(), memberships, clock), new SignalingStats());
    }

    /** The same server started again at the clock's time: no rooms, the same secret. */
    private RoomProtocol restarted() {
        return protocol(rooms(tokens), tokens);
    }

    private static Peer rejoin(RoomProtocol server, Session session, String room, String name, String token) {
        server.join(session, new ClientMessage.Join(room, name, token, null, null, null));
        return session.peer();
    }

    @Test
    void afterARestartUnderTheSameSecretPeersComeBackWithTheirIdsAndTheOthersSeeAJoin() {
        Peer alice = join(connect(new FakeConnection()), "r", "Alice");
        Peer bob = join(connect(new FakeConnection()), "r", "Bob");
        clock.advance(Duration.ofSeconds(2));
        RoomProtocol server = restarted();
        clock.advance(Duration.ofSeconds(3));

        FakeConnection aliceBack = new FakeConnection();
        FakeConnection bobBack = new FakeConnection();
        Peer alice2 = rejoin(server, connect(aliceBack), "r", "Alice", alice.resumeToken());
        Peer bob2 = rejoin(server, connect(bobBack), "r", "Bob", bob.resumeToken());

        assertThat(alice2.peerId()).isEqualTo(alice.peerId());
        assertThat(bob2.peerId()).isEqualTo(bob.peerId());
        assertThat(aliceBack.last("welcome").path("resumed").asBoolean()).isTrue();
        assertThat(aliceBack.last("welcome").path("restored").asBoolean()).isTrue();
        assertThat(aliceBack.last("welcome").path("peers")).isEmpty();
        assertThat(bobBack.last("welcome").path("peers").get(0).path("peerId").asText()).isEqualTo(alice.peerId());
        assertThat(aliceBack.last("peer-joined").path("peer").path("peerId").asText()).isEqualTo(bob.peerId());
        // Back in this process's books: a later drop resumes as usual.
        assertThat(rooms.size("r")).isEqualTo(2);
    }

    @Test
    void aRestartRestoresOnlyTokensItSignedForThatRoomFromBeforeItStartedWithinTheWindow() {
        Peer alice = join(connect(new FakeConnection()), "r", "Alice");
        String forged = new ResumeTokens("another secret of thirty-two bytes!!".getBytes(StandardCharsets.UTF_8))
                .issue("r", "forged-id", clock.instant());
        clock.advance(Duration.ofSeconds(1));
        RoomProtocol server = restarted();

        assertThat(rejoin(server, connect(new FakeConnection()), "r", "Eve", forged).peerId()).isNotEqualTo("forged-id");
        assertThat(rejoin(server, connect(new FakeConnection()), "other", "Alice", alice.resumeToken()).peerId())
                .isNotEqualTo(alice.peerId());
        assertThat(rejoin(server, connect(new FakeConnection()), "r", "Alice", "not.a-token").peerId())
                .isNotEqualTo(alice.peerId());
        // A token this run issued and forgot (its peer left) is not brought back.
        Session carol = connect(new FakeConnection());
        Peer carolPeer = rejoin(server, carol, "r", "Carol", null);
        server.leave(carol);
        assertThat(rejoin(server, connect(new FakeConnection()), "r", "Carol", carolPeer.resumeToken()).peerId())
                .isNotEqualTo(carolPeer.peerId());
        clock.advance(WINDOW.plusSeconds(1));
        assertThat(rejoin(server, connect(new FakeConnection()), "r", "Alice", alice.resumeToken()).peerId())
                .as("past the window after the start").isNotEqualTo(alice.peerId());
    }

    @Test
    void aTokenSaysWhatItWasIssuedForAndAnyChangeBreaksIt() {
        String token = tokens.issue("room-1", "peer-1", Instant.ofEpochMilli(1_700_000_000_000L));
        assertThat(tokens.verify(token)).isEqualTo(
                new ResumeTokens.Claims("room-1", "peer-1", Instant.ofEpochMilli(1_700_000_000_000L)));
        assertThat(tokens.issue("room-1", "peer-1", clock.instant())).isNotEqualTo(tokens.issue("room-1", "peer-1",
                clock.instant()));
        char[] chars = token.toCharArray();
        chars[3] = chars[3] == 'A' ? 'B' : 'A';
        assertThat(tokens.verify(new String(chars))).isNull();
        assertThat(tokens.verify(token + "x")).isNull();
        assertThat(tokens.verify("")).isNull();
        assertThat(tokens.verify("x".repeat(600) + ".y")).isNull();
    }

    @Test
    void afterARestartTheFirstBackMakesTheRoomAgainWithThePasswordItBrings() {
        Session aliceSession = connect(new FakeConnection());
        protocol.join(aliceSession, new ClientMessage.Join("r", "Alice", null, "pw", null, null));
        Peer alice = aliceSession.peer();
        clock.advance(Duration.ofSeconds(1));
        RoomProtocol server = restarted();
        clock.advance(Duration.ofSeconds(1));

        FakeConnection back = new FakeConnection();
        server.join(connect(back), new ClientMessage.Join("r", "Alice", alice.resumeToken(), "pw", null, null));
        assertThat(back.last("welcome").path("restored").asBoolean()).isTrue();
        assertThat(back.last("room-state").path("password").asBoolean()).isTrue();
        assertThatThrownBy(() -> server.join(connect(new FakeConnection()),
                new ClientMessage.Join("r", "Mallory", null, null, null, null)))
                .isInstanceOfSatisfying(SignalingException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.PASSWORD_REQUIRED));
    }

    private Session connect(FakeConnection connection) {
        return new Session("test", connection, new RateGuard(50, 200, Duration.ofSeconds(5), clock::nanoTime));
    }

    private Peer join(Session session, String room, String name) {
        protocol.join(session, new ClientMessage.Join(room, name, null, null, null, null));
        return session.peer();
    }

    private void signal(Session from, Peer to, String payload) {
        protocol.signal(from, new ClientMessage.Signal(to.peerId(), payload, null), Observers.NOT_TIMED);
    }

    private static String candidate(int n) {
        return "{\"candidate\":{\"candidate\":\"candidate:" + n + " 1 udp 1 192.0.2.1 9 typ host\"}}";
    }

    @Test
    void aJoinerIsWelcomedBeforeTheOthersHearOfItAndEachJoinIsAnEvent() {
        FakeConnection aliceConnection = new FakeConnection();
        FakeConnection bobConnection = new FakeConnection();
        Peer alice = join(connect(aliceConnection), "r", "Alice");
        clock.advance(Duration.ofSeconds(1));
        Peer bob = join(connect(bobConnection), "r", "Bob");

        assertThat(bobConnection.types()).containsExactly("welcome");
        assertThat(bobConnection.last("welcome").path("peers").get(0).path("peerId").asText())
                .isEqualTo(alice.peerId());
        assertThat(aliceConnection.types()).containsExactly("welcome", "peer-joined");
        assertThat(events).containsExactly(
                new SignalingEvent.Joined(clock.instant().minusSeconds(1), "r", alice.peerId(), "Alice"),
                new SignalingEvent.Joined(clock.instant(), "r", bob.peerId(), "Bob"));
    }

    @Test
    void aSignalReachesItsTargetOnlyAndIsAnEvent() {
        FakeConnection bobConnection = new FakeConnection();
        FakeConnection carolConnection = new FakeConnection();
        Session alice = connect(new FakeConnection());
        Peer alicePeer = join(alice, "r", "Alice");
        Peer bob = join(connect(bobConnection), "r", "Bob");
        join(connect(carolConnection), "r", "Carol");
        carolConnection.clear();
        events.clear();

        signal(alice, bob, OFFER);

        assertThat(bobConnection.last("signal").path("from").asText()).isEqualTo(alicePeer.peerId());
        assertThat(carolConnection.sent).isEmpty();
        assertThat(events).containsExactly(
                new SignalingEvent.Relayed(clock.instant(), "r", alicePeer.peerId(), bob.peerId()));
    }

    @Test
    void aDroppedPeerIsHeldSilentlyAndLeavesWhenItsWindowRunsOut() {
        FakeConnection aliceConnection = new FakeConnection();
        Session alice = connect(aliceConnection);
        join(alice, "r", "Alice");
        Session bobSession = connect(new FakeConnection());
        Peer bob = join(bobSession, "r", "Bob");
        aliceConnection.clear();
        events.clear();
        Instant dropped = clock.instant();

        protocol.closed(bobSession, 1006);
        signal(alice, bob, OFFER);
        clock.advance(WINDOW.minusMillis(1));

        assertThat(aliceConnection.sent).as("the others see nothing within the window").isEmpty();
        assertThat(events).containsExactly(
                new SignalingEvent.Away(dropped, "r", bob.peerId(), WINDOW),
                new SignalingEvent.Relayed(dropped, "r", alice.peer().peerId(), bob.peerId()),
                new SignalingEvent.Held(dropped, "r", bob.peerId()));

        clock.advance(Duration.ofMillis(1));

        assertThat(aliceConnection.types()).containsExactly("peer-left");
        assertThat(aliceConnection.last("peer-left").path("reason").asText()).isEqualTo("disconnected");
        assertThat(events.getLast()).isEqualTo(
                new SignalingEvent.Left(clock.instant(), "r", bob.peerId(), LeaveReason.DISCONNECTED));
        assertThat(rooms.peerCount()).isEqualTo(1);
    }

    @Test
    void aResumeGetsWelcomeThenWhatWasHeldInOrderAndStopsTheWindow() {
        Session alice = connect(new FakeConnection());
        join(alice, "r", "Alice");
        Session bobSession = connect(new FakeConnection());
        Peer bob = join(bobSession, "r", "Bob");
        protocol.closed(bobSession, 1006);
        for (int i = 0; i < 3; i++) {
            signal(alice, bob, candidate(i));
        }
        Peer carol = join(connect(new FakeConnection()), "r", "Carol");
        clock.advance(WINDOW.minusSeconds(1));

        FakeConnection again = new FakeConnection();
        protocol.join(connect(again), new ClientMessage.Join("r", "Bob", bob.resumeToken(), null, null, null));

        assertThat(again.types()).containsExactly("welcome", "signal", "signal", "signal", "peer-joined");
        assertThat(again.last("welcome").path("resumed").asBoolean()).isTrue();
        assertThat(again.last("welcome").path("peerId").asText()).isEqualTo(bob.peerId());
        assertThat(again.sent.subList(1, 4)).extracting(m -> m.path("payload").path("candidate").path("candidate")
                .asText()).containsExactly(
                        "candidate:0 1 udp 1 192.0.2.1 9 typ host",
                        "candidate:1 1 udp 1 192.0.2.1 9 typ host",
                        "candidate:2 1 udp 1 192.0.2.1 9 typ host");
        assertThat(again.last("peer-joined").path("peer").path("peerId").asText()).isEqualTo(carol.peerId());
        assertThat(events.getLast()).isEqualTo(new SignalingEvent.Resumed(clock.instant(), "r", bob.peerId(), 4));
        assertThat(clock.pendingTimers()).as("the resume window is cancelled").isZero();
        clock.advance(Duration.ofMinutes(5));
        assertThat(rooms.peerCount()).isEqualTo(3);
    }

    @Test
    void atMostTheNewestHeldMessagesAreKept() {
        Session alice = connect(new FakeConnection());
        join(alice, "r", "Alice");
        Session bobSession = connect(new FakeConnection());
        Peer bob = join(bobSession, "r", "Bob");
        protocol.closed(bobSession, 1006);
        int sent = Mailbox.MAX_HELD + 44;
        for (int i = 0; i < sent; i++) {
            signal(alice, bob, candidate(i));
        }

        FakeConnection again = new FakeConnection();
        protocol.join(connect(again), new ClientMessage.Join("r", "Bob", bob.resumeToken(), null, null, null));

        assertThat(again.sent).hasSize(1 + Mailbox.MAX_HELD);
        assertThat(again.sent.get(1).path("payload").path("candidate").path("candidate").asText())
                .startsWith("candidate:44 ");
        assertThat(events.getLast()).isEqualTo(
                new SignalingEvent.Resumed(clock.instant(), "r", bob.peerId(), Mailbox.MAX_HELD));
    }

    @Test
    void aTokenWhoseWindowRanOutJoinsAsANewPeer() {
        join(connect(new FakeConnection()), "r", "Alice");
        Session bobSession = connect(new FakeConnection());
        Peer bob = join(bobSession, "r", "Bob");
        protocol.closed(bobSession, 1006);
        clock.advance(WINDOW);

        FakeConnection again = new FakeConnection();
        protocol.join(connect(again), new ClientMessage.Join("r", "Bob", bob.resumeToken(), null, null, null));

        assertThat(again.last("welcome").path("resumed").asBoolean()).isFalse();
        assertThat(again.last("welcome").path("peerId").asText()).isNotEqualTo(bob.peerId());
    }

    @Test
    void aResumeTakesOverALiveConnectionWhoseLateCloseChangesNothing() {
        FakeConnection aliceConnection = new FakeConnection();
        join(connect(aliceConnection), "r", "Alice");
        FakeConnection oldConnection = new FakeConnection();
        Session old = connect(oldConnection);
        Peer bob = join(old, "r", "Bob");
        aliceConnection.clear();

        Session again = connect(new FakeConnection());
        protocol.join(again, new ClientMessage.Join("r", "Bob", bob.resumeToken(), null, null, null));
        protocol.closed(old, 1006);

        assertThat(oldConnection.closedWith).isEqualTo(1000);
        assertThat(again.peer()).isEqualTo(bob);
        assertThat(clock.pendingTimers()).as("no resume window for the replaced connection").isZero();
        assertThat(aliceConnection.sent).isEmpty();
    }

    @Test
    void aDepartureIsAnnouncedOnceWhateverComesAfterIt() {
        FakeConnection aliceConnection = new FakeConnection();
        join(connect(aliceConnection), "r", "Alice");
        Session bobSession = connect(new FakeConnection());
        Peer bob = join(bobSession, "r", "Bob");
        Session carolSession = connect(new FakeConnection());
        Peer carol = join(carolSession, "r", "Carol");
        aliceConnection.clear();
        events.clear();

        protocol.leave(bobSession);
        protocol.closed(bobSession, 1006); // its connection drops after the leave: no resume window
        protocol.closed(carolSession, 1006);
        protocol.closed(carolSession, 1006); // the same drop told twice
        clock.advance(WINDOW);
        protocol.join(connect(new FakeConnection()), new ClientMessage.Join("r", "Carol", carol.resumeToken(), null, null, null));

        assertThat(aliceConnection.types()).containsExactly("peer-left", "peer-left", "peer-joined");
        assertThat(events.stream().filter(e -> e instanceof SignalingEvent.Left || e instanceof SignalingEvent.Away))
                .containsExactly(
                        new SignalingEvent.Left(clock.instant().minus(WINDOW), "r", bob.peerId(), LeaveReason.LEFT),
                        new SignalingEvent.Away(clock.instant().minus(WINDOW), "r", carol.peerId(), WINDOW),
                        new SignalingEvent.Left(clock.instant(), "r", carol.peerId(), LeaveReason.DISCONNECTED));
    }

    @Test
    void aDeliberateCloseLeavesAtOnce() {
        FakeConnection aliceConnection = new FakeConnection();
        join(connect(aliceConnection), "r", "Alice");
        Session bobSession = connect(new FakeConnection());
        join(bobSession, "r", "Bob");

        protocol.closed(bobSession, 1001);

        assertThat(aliceConnection.last("peer-left").path("reason").asText()).isEqualTo("left");
        assertThat(clock.pendingTimers()).isZero();
        assertThat(rooms.roomCount()).isEqualTo(1);
    }
}
