package org.webrtcscratch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.BoundingBox;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The call on a phone, 390×844 and turned to landscape: with the chat open, every control (Leave included)
 * is inside the screen and is what a tap at its centre reaches, not the chat sheet.
 */
@Tag("browser")
class PhoneLayoutE2ETest {

    /** Whether a tap at the centre of the element reaches it (nothing laid over it). */
    private static final String REACHABLE = """
            el => { const r = el.getBoundingClientRect();
                    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                    return r.bottom <= innerHeight && r.right <= innerWidth && (hit === el || el.contains(hit)); }""";

    @RegisterExtension
    static final BrowserHarness harness = new BrowserHarness();

    @Test
    void withTheChatOpenTheControlsStayVisibleInPortraitAndLandscape() {
        String room = BrowserHarness.newRoom();
        Participant alice = harness.join(room, "Alice");
        Participant bob = harness.person("Bob");
        bob.page().setViewportSize(390, 844);
        bob.openCall(room);
        bob.waitConnectedTo(alice);

        // The chat starts closed on a phone; open it.
        bob.page().getByTestId("chat-toggle").click();
        assertThat(bob.page().getByTestId("chat-input").isVisible()).isTrue();
        bob.sendChat("from my phone");
        alice.waitChatFrom(bob, "from my phone");
        assertControlsReachable(bob);
        BoundingBox chat = bob.page().locator("#chat-panel").boundingBox();
        BoundingBox controls = bob.page().locator("#controls").boundingBox();
        assertThat(chat.y + chat.height).isLessThanOrEqualTo(controls.y + 0.5);
        bob.screenshot("phone-chat-open.png");

        bob.page().setViewportSize(844, 390);
        assertControlsReachable(bob);
        assertThat(bob.page().getByTestId("chat-input").isVisible()).isTrue();
        bob.screenshot("phone-landscape-chat-open.png");

        bob.page().getByTestId("leave").click();
        bob.page().getByTestId("end-screen").waitFor();
    }

    private static void assertControlsReachable(Participant person) {
        for (String control : List.of("mute", "camera", "devices", "chat-toggle", "leave")) {
            Locator button = person.page().getByTestId(control);
            assertThat(button.evaluate(REACHABLE)).as(control).isEqualTo(true);
        }
    }
}
