package org.webrtcscratch.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.webrtcscratch.e2e.NamespacedBrowsers.Side;

/**
 * A participant whose network path breaks for real recovers by an ICE restart without leaving the
 * room. Alice's and Bob's browsers run in two network namespaces; all UDP of Alice's namespace is
 * dropped (so ICE and media stop while signaling over TCP goes on) and later restored.
 *
 * <p>Chromium 156 reports {@code disconnected} about 5.6 s after the break and {@code failed} about
 * 15.6 s after it, and once {@code failed} it never recovers by itself. The app restarts ICE after
 * {@code disconnected} has lasted a few seconds, or at {@code failed}. The control test shows that
 * without the restart the call stays broken after the network heals.
 */
@Tag("browser")
@Tag("netns")
class IceRestartE2ETest {

    /** How long the path may take to come back once the network heals; with a restart it takes well under a second. */
    private static final double RECOVERY_TIMEOUT_MS = 20_000;
    /** Time given to a call with ICE restart disabled to come back by itself (it never should). */
    private static final double SELF_RECOVERY_CHANCE_MS = 5_000;

    private static final String MARK_TILE =
            "id => { document.querySelector(`.tile[data-peer-id=\"${id}\"]`).dataset.marked = 'yes'; }";
    private static final String RESTARTS = "() => window.__scratch.restarts";
    private static final String FRAMES_DECODED = "id => window.__scratch.framesDecoded(id)";
    /** The ICE username fragments of the current local and remote descriptions: an ICE restart changes both. */
    private static final String ICE_UFRAGS = """
            () => {
              const pc = window.__scratch.call.peers.values().next().value.pc;
              const ufrag = (description) => /^a=ice-ufrag:(\\S+)/m.exec(description.sdp)[1];
              return [ufrag(pc.currentLocalDescription), ufrag(pc.currentRemoteDescription)];
            }""";
    /** The selected candidate pair, as "udp 198.51.100.2:40000 host -> udp 198.51.100.3:50000 host". */
    private static final String SELECTED_PAIR = """
            async () => {
              const pc = window.__scratch.call.peers.values().next().value.pc;
              const report = await pc.getStats();
              const describe = (c) => `${c.protocol} ${c.address}:${c.port} ${c.candidateType}`;
              for (const s of report.values()) {
                if (s.type === 'transport' && s.selectedCandidatePairId) {
                  const pair = report.get(s.selectedCandidatePairId);
                  const local = report.get(pair.localCandidateId);
                  return describe(local) + ' -> ' + describe(report.get(pair.remoteCandidateId));
                }
              }
              return null;
            }""";
    private static final String ICE_LOG = "() => JSON.stringify(window.__iceLog())";

    @RegisterExtension
    static final NamespacedBrowsers harness = new NamespacedBrowsers();

    @Test
    void brokenPathRecoversByIceRestartWithoutLeavingTheRoom() {
        String[] scripts = {BrowserHarness.script("count-webrtc-objects.js"), BrowserHarness.script("record-ice.js")};
        String room = BrowserHarness.newRoom();
        Participant alice = harness.join(Side.A, room, "Alice", scripts);
        Participant bob = harness.join(Side.B, room, "Bob", scripts);
        inCall(alice, bob);
        String aliceId = alice.peerId();
        String bobId = bob.peerId();
        // Marks each tile, to tell later that it is the same element, never removed and added again.
        alice.evaluate(MARK_TILE, bobId);
        bob.evaluate(MARK_TILE, aliceId);
        Object aliceUfrags = alice.evaluate(ICE_UFRAGS);
        Object bobUfrags = bob.evaluate(ICE_UFRAGS);

        long broken = System.nanoTime();
        harness.dropUdp(Side.A);
        await("an ICE restart by either side").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .pollInSameThread().until(() -> restarts(alice) + restarts(bob) > 0);
        long restarted = System.nanoTime();
        int aliceFrames = framesDecoded(alice, bob);
        int bobFrames = framesDecoded(bob, alice);
        harness.healUdp(Side.A);
        long healed = System.nanoTime();

        recovers(alice, bob);
        recovers(bob, alice);
        long recovered = System.nanoTime();
        waitFramesDecodedAbove(alice, bob, aliceFrames);
        waitFramesDecodedAbove(bob, alice, bobFrames);
        alice.sendChat("still here");
        bob.waitChatFrom(alice, "still here");
        bob.sendChat("me too");
        alice.waitChatFrom(bob, "me too");

        System.out.printf("ICE restart seen %d ms after the break; connected %d ms after the heal, on %s%n",
                (restarted - broken) / 1_000_000, (recovered - healed) / 1_000_000, alice.evaluate(SELECTED_PAIR));
        assertThat((String) alice.evaluate(SELECTED_PAIR)).as("Alice's candidate pair after the restart")
                .startsWith("udp ").contains(" -> udp ");
        assertThat(alice.evaluate(ICE_UFRAGS)).as("Alice's ICE credentials, new after a restart")
                .asList().doesNotContainAnyElementsOf((List<?>) aliceUfrags);
        assertThat(bob.evaluate(ICE_UFRAGS)).as("Bob's ICE credentials, new after a restart")
                .asList().doesNotContainAnyElementsOf((List<?>) bobUfrags);
        stayedInTheRoom(alice, aliceId, bob);
        stayedInTheRoom(bob, bobId, alice);
    }

    @Test
    void withoutIceRestartTheBrokenCallStaysFailedAfterTheNetworkHeals() {
        String[] scripts = {BrowserHarness.script("disable-ice-restart.js"), BrowserHarness.script("record-ice.js")};
        String room = BrowserHarness.newRoom();
        Participant alice = harness.join(Side.A, room, "Alice", scripts);
        Participant bob = harness.join(Side.B, room, "Bob", scripts);
        inCall(alice, bob);

        harness.dropUdp(Side.A);
        alice.waitForTile(bob.peerId(), "failed");
        bob.waitForTile(alice.peerId(), "failed");
        int aliceFrames = framesDecoded(alice, bob);
        harness.healUdp(Side.A);
        alice.page().waitForTimeout(SELF_RECOVERY_CHANCE_MS);

        assertThat(alice.tile(bob.peerId()).getAttribute("data-connection-state")).isEqualTo("failed");
        assertThat(bob.tile(alice.peerId()).getAttribute("data-connection-state")).isEqualTo("failed");
        assertThat(framesDecoded(alice, bob)).isEqualTo(aliceFrames);
        // The app did ask for restarts; they were swallowed, not skipped.
        assertThat(restarts(alice) + restarts(bob)).isPositive();
    }

    private static void inCall(Participant alice, Participant bob) {
        alice.waitConnectedTo(bob);
        bob.waitConnectedTo(alice);
        alice.waitFramesDecodedFrom(bob);
        bob.waitFramesDecodedFrom(alice);
    }

    /** Waits until {@code viewer}'s tile of {@code other} is connected again; fails with both ICE logs if not. */
    private static void recovers(Participant viewer, Participant other) {
        try {
            viewer.page().locator(".tile[data-peer-id=\"" + other.peerId() + "\"][data-connection-state=\"connected\"]")
                    .waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED)
                            .setTimeout(RECOVERY_TIMEOUT_MS));
        } catch (TimeoutError e) {
            throw new AssertionError(viewer.name() + " not connected to " + other.name() + " "
                    + RECOVERY_TIMEOUT_MS / 1000 + " s after the network healed\n"
                    + viewer.name() + ": " + viewer.evaluate(ICE_LOG) + "\n"
                    + other.name() + ": " + other.evaluate(ICE_LOG), e);
        }
    }

    /**
     * Same peer id, the same tile for the other side, signaling never dropped, and one WebSocket and one
     * peer connection ever: nobody left and came back, and the peer connection was never replaced.
     */
    private static void stayedInTheRoom(Participant p, String peerIdBefore, Participant other) {
        assertThat(p.peerId()).isEqualTo(peerIdBefore);
        assertThat(p.remoteTiles()).containsExactly(other.peerId());
        assertThat(p.tile(other.peerId()).getAttribute("data-marked")).isEqualTo("yes");
        assertThat(p.evaluate("() => window.__scratch.reconnects")).isEqualTo(0);
        assertThat(counts(p, "made")).containsEntry("webSockets", 1).containsEntry("peerConnections", 1);
        assertThat(counts(p, "live")).containsEntry("webSockets", 1).containsEntry("peerConnections", 1);
    }

    private static int restarts(Participant p) {
        return ((Number) p.evaluate(RESTARTS)).intValue();
    }

    private static int framesDecoded(Participant viewer, Participant other) {
        return ((Number) viewer.evaluate(FRAMES_DECODED, other.peerId())).intValue();
    }

    private static void waitFramesDecodedAbove(Participant viewer, Participant other, int frames) {
        viewer.waitUntil("async ([id, frames]) => (await window.__scratch.framesDecoded(id)) > frames",
                List.of(other.peerId(), frames), ICE_LOG);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> counts(Participant p, String which) {
        return (Map<String, Object>) ((Map<String, Object>) p.evaluate("() => window.__webrtcCounts()")).get(which);
    }
}
