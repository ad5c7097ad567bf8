package org.webrtcscratch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Calls through the real server between real headless Chromium pages. */
@Tag("browser")
class CallE2ETest {

    private static final int ROOM_CAPACITY = 3;

    /** After a refused join the page holds no camera, no socket and no peer connection. */
    private static final String LEFT_NOTHING_OPEN = """
            () => window.__scratch.signaling === null
                && Object.values(window.__scratch.counts()).every(count => count === 0)""";

    @RegisterExtension
    static final BrowserHarness harness = new BrowserHarness(
            config -> config.withLimits(config.limits().withRoomCapacity(ROOM_CAPACITY)));

    @Test
    void twoParticipantsSeeEachOtherAndChatBothWays() {
        String room = BrowserHarness.newRoom();
        Participant alice = harness.join(room, "Alice");
        Participant bob = harness.join(room, "Bob");

        alice.waitConnectedTo(bob);
        bob.waitConnectedTo(alice);
        alice.waitFramesDecodedFrom(bob);
        bob.waitFramesDecodedFrom(alice);

        alice.sendChat("hello Bob");
        bob.waitChatFrom(alice, "hello Bob");
        bob.sendChat("hi Alice");
        alice.waitChatFrom(bob, "hi Alice");
        assertThat(alice.remoteTiles()).containsExactly(bob.peerId());
        assertThat(bob.remoteTiles()).containsExactly(alice.peerId());
    }

    @Test
    void threeParticipantsConnectEveryPair() {
        String room = BrowserHarness.newRoom();
        List<Participant> people = List.of(
                harness.join(room, "Ann"), harness.join(room, "Ben"), harness.join(room, "Cleo"));

        for (Participant viewer : people) {
            for (Participant other : people) {
                if (viewer != other) {
                    viewer.waitConnectedTo(other);
                    viewer.waitFramesDecodedFrom(other);
                }
            }
            assertThat(viewer.remoteTiles()).hasSize(2);
        }
    }

    @Test
    void lateJoinerAppearsAndLeaversDisappearFromEveryGrid() {
        String room = BrowserHarness.newRoom();
        Participant alice = harness.join(room, "Alice");
        Participant bob = harness.join(room, "Bob");
        alice.waitConnectedTo(bob);

        Participant carol = harness.join(room, "Carol");
        alice.waitConnectedTo(carol);
        bob.waitConnectedTo(carol);
        carol.waitConnectedTo(alice);
        carol.waitConnectedTo(bob);

        String bobId = bob.peerId();
        bob.clickLeave();
        alice.waitNoTile(bobId);
        carol.waitNoTile(bobId);
        assertThat(alice.remoteTiles()).containsExactly(carol.peerId());
        assertThat(carol.remoteTiles()).containsExactly(alice.peerId());

        // Closing the tab is leaving too: the page says so on pagehide, so nobody waits for a timeout.
        String carolId = carol.peerId();
        carol.page().close(new Page.CloseOptions().setRunBeforeUnload(true));
        alice.waitNoTile(carolId);
        assertThat(alice.remoteTiles()).isEmpty();
    }

    @Test
    void participantWithoutCameraJoinsReceivesAndChatsAndIsToldWhy() {
        String room = BrowserHarness.newRoom();
        Participant alice = harness.join(room, "Alice");
        Participant bob = harness.join(room, "Bob", BrowserHarness.script("deny-media.js"));

        bob.waitConnectedTo(alice);
        alice.waitConnectedTo(bob);
        bob.waitFramesDecodedFrom(alice);
        assertThat(bob.page().getByTestId("media-problem").textContent()).contains("blocked");
        assertThat(bob.page().getByTestId("media-problem").isVisible()).isTrue();
        assertThat(bob.page().getByTestId("camera").isDisabled()).isTrue();
        assertThat(alice.tile(bob.peerId()).getAttribute("class")).contains("no-video");

        bob.sendChat("no camera here");
        alice.waitChatFrom(bob, "no camera here");
        alice.sendChat("I can hear you anyway");
        bob.waitChatFrom(alice, "I can hear you anyway");
    }

    @Test
    void landingPageLeadsToTheRoomAndRemembersTheName() {
        Participant ann = harness.person("Ann");
        Page page = ann.page();
        page.navigate(harness.baseUri().toString());
        page.getByTestId("display-name").fill("Ann Lee");
        page.getByTestId("room-input").fill("Team Stand-up!");
        assertThat(page.getByTestId("room-link").textContent()).endsWith("/r/team-stand-up");
        page.getByTestId("join").click();

        page.waitForURL("**/r/team-stand-up?name=Ann+Lee");
        // The pre-join screen comes first, the name filled in from the address.
        assertThat(page.getByTestId("name-input").inputValue()).isEqualTo("Ann Lee");
        ann.joinFromPrejoin();
        assertThat(page.locator(".tile[data-local] .tile-name").textContent()).isEqualTo("Ann Lee (you)");

        // A shared link carries no name: the prompt offers the remembered one.
        page.navigate(harness.baseUri().resolve("/r/another-room").toString());
        assertThat(page.getByTestId("name-input").inputValue()).isEqualTo("Ann Lee");
        page.getByTestId("name-submit").click();
        ann.peerId();
        assertThat(page.locator("#room-name").textContent()).isEqualTo("another-room");
    }

    @Test
    void muteAndCameraButtonsSwitchTheLocalTracksOff() {
        Participant ann = harness.join(BrowserHarness.newRoom(), "Ann");
        Page page = ann.page();
        String tracksEnabled = "() => window.__scratch.call.media.stream.getTracks().map(t => t.kind + ':' + t.enabled).sort()";
        assertThat(ann.evaluate(tracksEnabled)).isEqualTo(List.of("audio:true", "video:true"));

        page.getByTestId("mute").click();
        page.getByTestId("camera").click();
        assertThat(ann.evaluate(tracksEnabled)).isEqualTo(List.of("audio:false", "video:false"));
        assertThat(page.getByTestId("mute").getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(page.getByTestId("mute").getAttribute("aria-label")).isEqualTo("Unmute microphone");
        assertThat(page.locator(".tile[data-local]").getAttribute("class")).contains("no-video");

        page.getByTestId("mute").click();
        assertThat(ann.evaluate(tracksEnabled)).isEqualTo(List.of("audio:true", "video:false"));
    }

    @Test
    void aFullRoomIsExplainedWithoutRejoinAndTheLateComerJoinsWhenAPlaceFreesUp() {
        String room = BrowserHarness.newRoom();
        List<Participant> guests = new java.util.ArrayList<>();
        for (int i = 1; i <= ROOM_CAPACITY; i++) {
            guests.add(harness.join(room, "Guest " + i));
        }
        Participant late = harness.person("Late");
        late.page().navigate(late.callUri(room, "skipPrejoin=1").toString());

        late.page().getByTestId("end-screen").waitFor();
        assertThat(late.page().locator("#end-title").textContent()).isEqualTo("This room is full");
        assertThat(late.page().getByTestId("end-reason").textContent()).contains("Every place", "wait");
        assertThat(late.page().getByTestId("rejoin").isHidden()).isTrue();
        late.waitUntil(LEFT_NOTHING_OPEN, null);
        late.screenshot("room-full.png");

        late.page().getByTestId("wait-for-place").click();
        assertThat(late.page().getByTestId("wait-for-place").getAttribute("aria-pressed")).isEqualTo("true");
        late.page().locator("[data-testid=\"wait-state\"]:has-text(\"3 of 3 taken\")").waitFor();
        guests.getFirst().clickLeave();

        late.peerId();
        late.waitConnectedTo(guests.get(1));
        guests.get(1).waitConnectedTo(late);
    }

    @Test
    void anUnknownAddressAndABadRoomNameGetANotFoundPageWithStatus404() {
        Page page = harness.person("Curious").page();
        for (String path : List.of("/no/such/page", "/r/not%20a%20room", "/r/" + "x".repeat(65))) {
            com.microsoft.playwright.Response response = page.navigate(harness.baseUri().resolve(path).toString());
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(page.getByTestId("not-found").isVisible()).as(path).isTrue();
            assertThat(page.getByTestId("home").getAttribute("href")).isEqualTo("/");
        }
        Participant.screenshotOf(page, "not-found.png");
        assertThat(page.navigate(harness.baseUri().resolve("/api/rooms/not%20a%20room").toString()).status())
                .isEqualTo(400);
    }
}
