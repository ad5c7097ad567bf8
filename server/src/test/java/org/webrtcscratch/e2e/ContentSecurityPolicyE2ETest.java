package org.webrtcscratch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every page of the web app loads and runs under the server's Content-Security-Policy, which has no
 * {@code 'unsafe-inline'} for scripts: a test fails on any violation the page reports or logs.
 */
@Tag("browser")
class ContentSecurityPolicyE2ETest {

    /** Recorded from the first script of each page on (injected by the browser harness, outside the policy). */
    private static final String RECORD_VIOLATIONS = """
            window.__cspViolations = [];
            document.addEventListener('securitypolicyviolation',
                e => window.__cspViolations.push(e.violatedDirective + ' blocked ' + e.blockedURI));""";

    @RegisterExtension
    static final BrowserHarness harness = new BrowserHarness(config -> config);

    @Test
    void theLandingPageRunsUnderThePolicy() {
        Participant visitor = harness.person("Visitor", RECORD_VIOLATIONS);
        Response response = visitor.page().navigate(harness.baseUri().toString());
        assertStrictPolicy(response);
        visitor.page().waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
        assertNoViolations(visitor);
    }

    @Test
    void aCallRunsUnderThePolicy() {
        String room = BrowserHarness.newRoom();
        Participant alice = harness.join(room, "Alice", RECORD_VIOLATIONS);
        Participant bob = harness.join(room, "Bob", RECORD_VIOLATIONS);
        alice.waitConnectedTo(bob);
        bob.waitFramesDecodedFrom(alice);
        alice.sendChat("under the policy");
        bob.waitChatFrom(alice, "under the policy");

        // Every tab of Behind the Scenes (uPlot's charts among them) and the files panel, under the policy too.
        alice.page().getByTestId("bts-toggle").click();
        for (String tab : List.of("story", "signaling", "sdp", "ice", "states", "charts", "server")) {
            alice.page().getByTestId("bts-tab-" + tab).click();
        }
        alice.waitUntil("() => document.querySelector(\"[data-testid='bts-chart'] canvas\")", null);
        alice.page().getByTestId("files-toggle").click();
        assertNoViolations(alice);

        assertStrictPolicy(alice.page().navigate(alice.page().url()));
        assertNoViolations(alice);
        assertNoViolations(bob);
    }

    @Test
    void theCheckTracePrejoinAndNotFoundPagesRunUnderThePolicy() {
        Participant visitor = harness.person("Visitor", RECORD_VIOLATIONS);
        for (String path : List.of("/check", "/trace", "/r/" + BrowserHarness.newRoom() + "?name=Vi")) {
            Response response = visitor.page().navigate(harness.baseUri().resolve(path).toString());
            assertStrictPolicy(response);
            visitor.page().waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
            assertNoViolations(visitor);
        }
        assertStrictPolicy(visitor.page().navigate(harness.baseUri().resolve("/no/such/page").toString()));
        assertNoViolations(visitor);
    }

    private static void assertStrictPolicy(Response response) {
        String policy = response.headerValue("content-security-policy");
        assertThat(policy).contains("script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline");
        assertThat(response.headerValue("x-content-type-options")).isEqualTo("nosniff");
    }

    private static void assertNoViolations(Participant participant) {
        Page page = participant.page();
        @SuppressWarnings("unchecked")
        List<String> violations = (List<String>) page.evaluate("() => window.__cspViolations");
        assertThat(violations).as("policy violations on %s", page.url()).isEmpty();
        assertThat(participant.console()).as("console of %s", page.url())
                .noneMatch(line -> line.contains("Content Security Policy"));
    }
}
