package org.webrtcscratch.turn.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.webrtcscratch.stun.DecodedMessage;
import org.webrtcscratch.stun.attr.ErrorCode;
import org.webrtcscratch.stun.header.StunMethod;
import org.webrtcscratch.testing.TurnTestClient;
import org.webrtcscratch.turn.ManualTicker;
import org.webrtcscratch.turn.SettableClock;
import org.webrtcscratch.turn.TurnConfig;
import org.webrtcscratch.turn.TurnServer;
import org.webrtcscratch.turn.TurnSettings;
import org.webrtcscratch.turn.auth.GuessLimits;
import org.webrtcscratch.turn.auth.GuessThrottle;
import org.webrtcscratch.turn.proto.RequestedTransport;

/**
 * Password guessing against the running server over UDP, from three loopback addresses (each its own source):
 * the guesser at 127.0.0.1, the owner at 127.0.0.2 who has signed in before, a newcomer at 127.0.0.3.
 */
class CredentialGuessingTest {

    private static final String USER = "alice";
    private static final String PASSWORD = "wonderland";
    private static final GuessLimits LIMITS = new GuessLimits(5, Duration.ofSeconds(1), Duration.ofSeconds(60),
            Duration.ofSeconds(8), 1000);

    private final SettableClock clock = SettableClock.atEpochSecond(1_700_000_000L);
    private final List<TurnTestClient> clients = new ArrayList<>();
    private TurnServer server;

    @BeforeEach
    void start() {
        TurnSettings settings = TurnSettings.onLoopback().withUsers(List.of(USER + ":" + PASSWORD));
        TurnConfig config = settings.config().toBuilder().guessLimits(LIMITS).unauthorizedLimit(100_000).build();
        server = TurnServer.start(settings.withConfig(config), clock, new ManualTicker());
    }

    @AfterEach
    void stop() {
        clients.forEach(TurnTestClient::close);
        server.close();
    }

    @Test
    void manyWrongGuessesLockTheGuesserOutEvenForTheRightPassword() {
        TurnTestClient owner = client("127.0.0.2", PASSWORD);
        assertThat(TurnTestClient.errorCode(owner.authenticated(StunMethod.ALLOCATE, RequestedTransport.UDP))).isZero();

        List<String> reasons = new ArrayList<>();
        for (int guess = 0; guess < 200; guess++) {
            reasons.add(refusal(allocate(client("127.0.0.1", "guess-" + guess))));
        }
        assertThat(reasons.subList(0, 5)).allMatch(reason -> reason.contains("does not match"));
        assertThat(reasons.subList(5, 200)).allMatch(reason -> reason.contains("too many wrong credentials"));
        assertThat(refusal(allocate(client("127.0.0.1", PASSWORD)))).contains("from this address");

        // The owner, known from before, still gets in while the username is locked; a newcomer waits it out.
        assertThat(TurnTestClient.errorCode(client("127.0.0.2", PASSWORD)
                .authenticated(StunMethod.ALLOCATE, RequestedTransport.UDP))).isZero();
        assertThat(refusal(allocate(client("127.0.0.3", PASSWORD)))).contains("from this USERNAME");
        clock.advance(Duration.ofSeconds(1));
        assertThat(TurnTestClient.errorCode(allocate(client("127.0.0.3", PASSWORD)))).isZero();

        assertThat(server.guesses().lockouts(GuessThrottle.Scope.SOURCE)).isEqualTo(1);
        assertThat(server.guesses().lockouts(GuessThrottle.Scope.USERNAME)).isEqualTo(1);
        assertThat(server.guesses().refusals(GuessThrottle.Scope.SOURCE)).isEqualTo(196);
    }

    @Test
    void eachGuessAfterALockoutDoublesTheNextUpToTheMaximum() {
        for (int guess = 0; guess < 4; guess++) {
            assertThat(refusal(allocate(client("127.0.0.1", "guess-" + guess)))).contains("does not match");
        }
        List<String> waits = new ArrayList<>();
        for (int guess = 0; guess < 8; guess++) {
            String reason = refusal(allocate(client("127.0.0.1", "guess-again-" + guess)));
            assertThat(reason).contains("does not match");
            String locked = refusal(allocate(client("127.0.0.1", "while-locked")));
            waits.add(locked.replaceAll(".*try again in (\\d+) s.*", "$1"));
            clock.advance(Duration.ofSeconds(Long.parseLong(waits.getLast())));
        }
        assertThat(waits).containsExactly("1", "2", "4", "8", "16", "32", "60", "60");

        // One more guess locks the address for 60 s. The username's count started over, since guesses this slow
        // come further apart than twice its 8 s maximum: its owner, from a new address, gets in at once.
        assertThat(refusal(allocate(client("127.0.0.1", "last-guess")))).contains("does not match");
        assertThat(TurnTestClient.errorCode(allocate(client("127.0.0.3", PASSWORD)))).isZero();
        clock.advance(Duration.ofSeconds(8));
        assertThat(refusal(allocate(client("127.0.0.1", PASSWORD)))).contains("address; try again in 52 s");
    }

    private TurnTestClient client(String local, String password) {
        try {
            TurnTestClient client = TurnTestClient.udp(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()),
                    InetAddress.getByName(local)).credentials(USER, password);
            clients.add(client);
            return client;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(local, e);
        }
    }

    private static DecodedMessage allocate(TurnTestClient client) {
        return client.authenticated(StunMethod.ALLOCATE, RequestedTransport.UDP);
    }

    /** The reason phrase of a 401. */
    private static String refusal(DecodedMessage response) {
        ErrorCode error = response.message().attribute(ErrorCode.class).orElseThrow();
        assertThat(error.code()).as(error.reason()).isEqualTo(401);
        return error.reason();
    }
}
