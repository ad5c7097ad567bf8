package org.webrtcscratch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.webrtcscratch.http.QrCodes;

/**
 * The call's layout between three real pages: grid and speaker view, a pinned tile that stays large while
 * others speak, a tile in full screen and out again, the Invite dialog's QR code (read back by a decoder),
 * the speaker view on a phone with its controls in reach, raised hands in the order they went up, and
 * reactions, refused past a sender's rate.
 */
@Tag("browser")
class CallLayoutE2ETest {

    /** Whether a tap at the centre of the element reaches it (nothing laid over it). */
    private static final String REACHABLE = """
            el => { const r = el.getBoundingClientRect();
                    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                    return r.bottom <= innerHeight && r.right <= innerWidth && (hit === el || el.contains(hit)); }""";

    @RegisterExtension
    static final BrowserHarness harness = new BrowserHarness();

    @Test
    void gridAndSpeakerViewPinFullScreenAndTheInviteQrCode() throws Exception {
        String room = BrowserHarness.newRoom();
        Participant alice = harness.join(room, "Alice");
        Participant bob = harness.join(room, "Bob");
        Participant carol = harness.person("Carol");
        carol.page().setViewportSize(390, 844);
        carol.openCall(room);
        alice.waitConnectedTo(bob);
        alice.waitConnectedTo(carol);
        Page page = alice.page();
        Locator toggle = page.getByTestId("layout-toggle");

        assertThat(page.locator("#videos").getAttribute("data-view")).isEqualTo("grid");
        assertThat(toggle.getAttribute("aria-label")).isEqualTo("Grid view: switch to speaker view");
        alice.screenshot("layout-grid.png");

        toggle.click();
        waitFor(page, "#videos[data-view=\"speaker\"]");
        assertThat(toggle.getAttribute("aria-label")).isEqualTo("Speaker view: switch to grid view");
        assertThat(page.locator(".tile.main").count()).isEqualTo(1);
        assertThat(page.locator(".tile.main[data-local]").count()).as("someone else is the large tile").isZero();
        alice.screenshot("layout-speaker.png");

        // Pinned, Carol stays the large tile while the others' fake microphones beep.
        Locator carolTile = alice.tile(carol.peerId());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pin Carol").setExact(true)).click();
        waitFor(page, ".tile.main[data-pinned][data-peer-id=\"" + carol.peerId() + "\"]");
        Locator unpin = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Unpin Carol").setExact(true));
        assertThat(unpin.getAttribute("aria-pressed")).isEqualTo("true");
        waitFor(page, ".tile[data-peer-id=\"" + bob.peerId() + "\"][data-speaking=\"true\"]");
        assertThat(carolTile.getAttribute("class")).contains("main");
        assertThat(page.locator(".tile.main").count()).isEqualTo(1);
        BoundingBox large = carolTile.boundingBox();
        BoundingBox small = alice.tile(bob.peerId()).boundingBox();
        assertThat(large.width * large.height).isGreaterThan(4 * small.width * small.height);
        alice.screenshot("layout-pinned.png");

        // Full screen and back, with the tile's own button.
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show Carol full screen")).click();
        alice.waitUntil("id => document.fullscreenElement?.dataset.peerId === id", carol.peerId());
        alice.screenshot("tile-full-screen.png");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Exit full screen")).click();
        alice.waitUntil("() => document.fullscreenElement === null", null);
        assertThat(carolTile.getAttribute("class")).as("back in place, still large").contains("main");

        unpin.click();
        waitFor(page, ".tile[data-peer-id=\"" + carol.peerId() + "\"]:not([data-pinned])");
        toggle.click();
        waitFor(page, "#videos[data-view=\"grid\"]");
        assertThat(page.locator(".tile.main").count()).isZero();

        // Invite: the link and its QR code, which a decoder reads back as that link.
        String link = harness.baseUri().resolve("/r/" + room).toString();
        page.getByTestId("invite").click();
        assertThat(page.getByTestId("invite-link").inputValue()).isEqualTo(link);
        Locator qr = page.getByTestId("invite-qr");
        alice.waitUntil("() => document.getElementById('invite-qr').naturalWidth > 0", null);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(qr.screenshot()));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        assertThat(QrCodes.decodePixels(image.getWidth(), image.getHeight(), pixels)).isEqualTo(link);
        alice.screenshot("invite.png");
        page.getByTestId("invite-copy").click();
        page.locator("[data-testid=\"invite-copied\"]:not(:empty)").waitFor();
        page.keyboard().press("Escape");

        // On a phone, portrait and landscape: speaker view, with every control in reach.
        carol.page().getByTestId("layout-toggle").click();
        waitFor(carol.page(), "#videos[data-view=\"speaker\"] .tile.main");
        assertControlsReachable(carol);
        carol.screenshot("phone-speaker-view.png");
        carol.page().setViewportSize(844, 390);
        assertControlsReachable(carol);
        carol.screenshot("phone-landscape-speaker-view.png");
    }

    @Test
    void handsAreShownInTheOrderRaisedAndReactionsReachTheOthers() {
        String room = BrowserHarness.newRoom();
        Participant alice = harness.join(room, "Alice");
        Participant bob = harness.join(room, "Bob");
        Participant carol = harness.join(room, "Carol");
        for (Participant p : List.of(alice, bob)) {
            p.waitConnectedTo(carol);
        }
        alice.waitConnectedTo(bob);

        raiseHand(alice);
        Locator aliceHand = alice.page().getByTestId("raise-hand");
        assertThat(aliceHand.getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(aliceHand.textContent()).contains("Lower hand");
        waitFor(carol.page(), handSelector(carol, alice, 1));
        raiseHand(bob);
        for (Participant viewer : List.of(alice, bob, carol)) {
            waitFor(viewer.page(), handSelector(viewer, bob, 2));
            waitFor(viewer.page(), handSelector(viewer, alice, 1));
        }
        carol.page().getByTestId("people-toggle").click();
        assertThat(listOrder(carol)).startsWith(alice.peerId(), bob.peerId());
        assertThat(carol.tile(alice.peerId()).locator("[data-testid=\"tile-presence\"]").textContent())
                .contains("hand raised 1");
        carol.screenshot("raised-hands.png");

        alice.page().getByTestId("raise-hand").click();
        waitFor(alice.page(), "[data-testid=\"raise-hand\"][aria-pressed=\"false\"]");
        for (Participant viewer : List.of(bob, carol)) {
            waitFor(viewer.page(), handSelector(viewer, bob, 1));
            waitFor(viewer.page(), handSelector(viewer, alice, 0));
        }
        assertThat(listOrder(carol).getFirst()).isEqualTo(bob.peerId());

        // A reaction shows on the sender's tile for the others, under the sender's name from signaling.
        bob.page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("React: Thumbs up")).click();
        alice.page().locator(".tile[data-peer-id=\"" + bob.peerId() + "\"][data-last-reaction=\"👍\"]").waitFor(attached());
        alice.screenshot("reaction.png");

        // Carol floods reactions and sends junk: Alice refuses what is past the rate, and the call goes on.
        carol.evaluate("""
                () => { const call = window.__scratch.call;
                        for (let i = 0; i < 30; i++) call.broadcast(JSON.stringify({type: 'reaction', emoji: '🎉'}));
                        call.broadcast(JSON.stringify({type: 'reaction', emoji: '<b>x</b>'}));
                        call.broadcast('{"type": "reaction", ');
                        call.broadcast(JSON.stringify({type: 'presence', muted: 1})); }""");
        alice.waitUntil("() => window.__scratch.reactions.dropped >= 20", null);
        carol.sendChat("still here");
        alice.waitChatFrom(carol, "still here");
        assertThat(alice.page().locator(".tile[data-peer-id=\"" + carol.peerId() + "\"]").getAttribute("data-last-reaction"))
                .isEqualTo("🎉");
    }

    private static void raiseHand(Participant person) {
        person.page().getByTestId("reactions-toggle").click();
        person.page().getByTestId("raise-hand").click();
    }

    /** On {@code viewer}'s page, the tile of {@code raiser} (its own, or a remote one) with that place in line. */
    private static String handSelector(Participant viewer, Participant raiser, int place) {
        String tile = viewer == raiser ? ".tile[data-local]" : ".tile[data-peer-id=\"" + raiser.peerId() + "\"]";
        return tile + "[data-hand=\"" + place + "\"]";
    }

    private static List<String> listOrder(Participant viewer) {
        @SuppressWarnings("unchecked")
        List<String> ids = (List<String>) viewer.evaluate("""
                () => [...document.querySelectorAll('[data-testid="person"]')]
                        .filter(li => li.dataset.hand !== '0')
                        .map(li => li.dataset.peerId ?? window.__scratch.call.localPeerId)""");
        return ids;
    }

    private static void assertControlsReachable(Participant person) {
        for (String control : List.of("mute", "camera", "reactions-toggle", "devices", "chat-toggle", "leave")) {
            Locator button = person.page().getByTestId(control);
            assertThat(button.evaluate(REACHABLE)).as(control).isEqualTo(true);
        }
        BoundingBox main = person.page().locator(".tile.main").boundingBox();
        BoundingBox controls = person.page().locator("#controls").boundingBox();
        assertThat(main.y + main.height).isLessThanOrEqualTo(controls.y + 0.5);
    }

    private static void waitFor(Page page, String selector) {
        page.locator(selector).first().waitFor(attached());
    }

    private static Locator.WaitForOptions attached() {
        return new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED);
    }
}
