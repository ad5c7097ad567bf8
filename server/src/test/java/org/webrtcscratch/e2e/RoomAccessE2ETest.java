package org.webrtcscratch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Private rooms in real pages: a password set on the landing page and asked for in a form, and the host's
 * Lock room button (docs/security.md, "Private rooms").
 */
@Tag("browser")
class RoomAccessE2ETest {

    @RegisterExtension
    static final BrowserHarness harness = new BrowserHarness();

    @Test
    void aPasswordSetOnTheLandingPageIsAskedOfTheNextJoinerInAForm() {
        Participant alice = harness.person("Alice");
        Page landing = alice.page();
        landing.navigate(harness.baseUri().toString());
        // A typed name still works, and the page says it can be guessed.
        landing.getByTestId("room-input").fill("Team Stand-up");
        landing.locator("[data-testid=\"room-privacy\"][data-private=\"false\"]").waitFor();
        assertThat(landing.getByTestId("room-privacy").textContent()).startsWith("A typed name can be guessed");
        landing.getByTestId("new-room").click();
        String room = landing.getByTestId("room-input").inputValue();
        assertThat(room).matches("[a-z]+-[a-z]+-[a-z2-7]{20}");
        assertThat(landing.getByTestId("room-privacy").textContent()).startsWith("Private link");
        landing.getByTestId("display-name").fill("Alice");
        landing.getByLabel("Room password (optional)").fill("open sesame");
        landing.getByTestId("join").click();
        landing.getByTestId("prejoin").waitFor();
        // The form is the pre-join screen's once its preview plays; a click before that would be lost.
        alice.waitUntil("() => document.querySelector('[data-testid=\"prejoin-video\"]').currentTime > 0", null);
        alice.joinFromPrejoin();

        Participant bob = harness.person("Bob");
        Page page = bob.page();
        page.navigate(bob.callUri(room, "skipPrejoin=1").toString());
        Locator form = page.getByTestId("password-form");
        form.waitFor();
        assertThat(page.locator("#end-title").textContent()).isEqualTo("This room needs its password");
        assertThat(page.getByTestId("end-reason").textContent()).isEqualTo("this room needs its password");

        page.getByLabel("Room password").fill("sesame");
        page.getByTestId("password-submit").click();
        page.locator("[data-testid=\"end-reason\"]:has-text(\"wrong password\")").waitFor();
        form.waitFor();
        assertThat(page.getByTestId("password-input").getAttribute("aria-invalid")).isEqualTo("true");

        page.getByLabel("Room password").fill("open sesame");
        page.getByTestId("password-submit").click();
        bob.waitConnectedTo(alice);
        assertThat(form.isHidden()).isTrue();
    }

    @Test
    void onlyTheHostSeesLockRoomAndALockedRoomTurnsNewcomersAwayUntilUnlocked() {
        String room = BrowserHarness.newRoom();
        Participant alice = harness.join(room, "Alice");
        Participant bob = harness.join(room, "Bob");
        bob.waitConnectedTo(alice);
        Locator lock = alice.page().getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Lock room"));
        lock.waitFor();
        assertThat(alice.page().getByTestId("room-lock-state").textContent()).isEqualTo("Room open");
        assertThat(bob.page().getByTestId("lock-room").isHidden()).isTrue();

        lock.click();
        alice.page().locator("[data-testid=\"lock-room\"][aria-pressed=\"true\"]:has-text(\"Unlock room\")").waitFor();
        for (Participant member : new Participant[] {alice, bob}) {
            member.page().locator("[data-testid=\"room-lock-state\"][data-locked=\"true\"]").waitFor();
            assertThat(member.page().getByTestId("room-lock-state").textContent())
                    .isEqualTo("Room locked: nobody new can join");
        }
        alice.screenshot("room-locked.png");

        Participant carol = harness.person("Carol");
        carol.page().navigate(carol.callUri(room, "skipPrejoin=1").toString());
        carol.page().locator("[data-testid=\"end-reason\"]:has-text(\"the room is locked\")").waitFor();
        assertThat(carol.page().locator("#end-title").textContent()).isEqualTo("Could not join the call");

        alice.page().getByTestId("lock-room").click();
        bob.page().locator("[data-testid=\"room-lock-state\"]").waitFor(
                new Locator.WaitForOptions().setState(WaitForSelectorState.HIDDEN));
        carol.page().getByTestId("rejoin").click();
        carol.waitConnectedTo(alice);

        // Alice leaves: Bob, the oldest left, is the host now and sees the button.
        alice.clickLeave();
        bob.page().locator("[data-testid=\"lock-room\"]:has-text(\"Lock room\")").waitFor();
        assertThat(carol.page().getByTestId("lock-room").isHidden()).isTrue();
    }
}
