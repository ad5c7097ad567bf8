package org.webrtcscratch.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HandshakeTest {

    private static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";

    @Test
    void rfc6455SampleKeyGivesItsAccept() {
        // RFC 6455 §1.3.
        assertThat(Handshake.accept(KEY)).isEqualTo("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
    }

    @Test
    void aBrowsersRequestPasses() {
        assertThat(Handshake.check("GET", "HTTP/1.1", "websocket", "keep-alive, Upgrade,", "13", KEY)).isEqualTo(KEY);
        assertThat(Handshake.check("GET", "HTTP/1.1", "WebSocket", "upgrade", " 13 ", " " + KEY)).isEqualTo(KEY);
    }

    @Test
    void eachBrokenRuleIsNamed() {
        assertRefused(() -> Handshake.check("GET", "HTTP/1.1", null, null, null, null), 426, "only speaks WebSocket");
        assertRefused(() -> Handshake.check("POST", "HTTP/1.1", "websocket", "Upgrade", "13", KEY), 400, "GET");
        assertRefused(() -> Handshake.check("GET", "HTTP/1.0", "websocket", "Upgrade", "13", KEY), 400, "HTTP/1.1");
        assertRefused(() -> Handshake.check("GET", "HTTP/1.1", "websocket", "keep-alive", "13", KEY), 400,
                "Connection");
        assertRefused(() -> Handshake.check("GET", "HTTP/1.1", "websocket", "Upgrade", "8", KEY), 426, "version 8");
        assertRefused(() -> Handshake.check("GET", "HTTP/1.1", "websocket", "Upgrade", "13", "c2hvcnQ="), 400,
                "16 bytes");
        assertRefused(() -> Handshake.check("GET", "HTTP/1.1", "websocket", "Upgrade", "13", "!!"), 400, "16 bytes");
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, int status,
                                      String reason) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(Handshake.Refused.class, r -> assertThat(r.status()).isEqualTo(status))
                .hasMessageContaining(reason);
    }
}
