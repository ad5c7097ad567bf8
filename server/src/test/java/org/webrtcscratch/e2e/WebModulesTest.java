package org.webrtcscratch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The web app's module tests ({@code web/test/*.test.js}) run in the same headless Chromium as the
 * end-to-end tests, so no Node toolchain is needed. The server serves the {@code web/} folder itself
 * here (the jar leaves {@code web/test/} out), and the signaling tests use its real {@code /ws}.
 * Each in-browser test becomes one JUnit test.
 */
@Tag("browser")
class WebModulesTest {

    @RegisterExtension
    static final BrowserHarness harness = new BrowserHarness(config -> config.withWebDir(WebFolder.find()));

    @TestFactory
    Stream<DynamicTest> moduleTests() {
        Participant runner = harness.person("module-tests");
        runner.page().navigate(harness.baseUri().resolve("/test/index.html").toString());
        runner.page().waitForFunction("() => window.__testResults", null,
                new com.microsoft.playwright.Page.WaitForFunctionOptions().setTimeout(300_000));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> results = (List<Map<String, Object>>) runner.evaluate("() => window.__testResults");
        assertThat(results).as("in-browser tests found").isNotEmpty();
        return results.stream().map(result -> DynamicTest.dynamicTest(String.valueOf(result.get("name")), () -> {
            if (!Boolean.TRUE.equals(result.get("ok"))) {
                throw new AssertionError(result.get("error") + "\nconsole:\n" + String.join("\n", runner.console()));
            }
        }));
    }
}
