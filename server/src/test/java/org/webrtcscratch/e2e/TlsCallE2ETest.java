package org.webrtcscratch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.webrtcscratch.config.TlsOptions;

/** A call over {@code --tls self-signed}: the page is https and signaling runs over wss. */
@Tag("browser")
class TlsCallE2ETest {

    @RegisterExtension
    static final BrowserHarness harness = new BrowserHarness(config -> config.withTls(
            new TlsOptions(TlsOptions.Mode.SELF_SIGNED, null, null, temporaryStateDir())));

    private static Path temporaryStateDir() {
        try {
            return Files.createTempDirectory("scratch-tls-e2e");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void twoParticipantsCallOverHttpsAndWss() {
        assertThat(harness.baseUri().getScheme()).isEqualTo("https");
        String room = BrowserHarness.newRoom();
        Participant alice = harness.join(room, "Alice");
        Participant bob = harness.join(room, "Bob");
        alice.waitConnectedTo(bob);
        bob.waitConnectedTo(alice);
        bob.waitFramesDecodedFrom(alice);
        alice.sendChat("over TLS");
        bob.waitChatFrom(alice, "over TLS");
        assertThat(harness.server().signaling().connectionCount()).isEqualTo(2);
    }
}
