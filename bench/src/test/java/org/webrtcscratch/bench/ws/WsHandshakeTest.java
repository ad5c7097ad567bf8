package org.webrtcscratch.bench.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WsHandshakeTest {

    /** The example of RFC 6455 §1.3. */
    private static final WsHandshake RFC_EXAMPLE = new WsHandshake("dGhlIHNhbXBsZSBub25jZQ==");

    private static ByteBuffer ascii(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void computesTheAcceptValueOfRfc6455Section1_3() {
        assertThat(RFC_EXAMPLE.expectedAccept()).isEqualTo("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
    }

    @Test
    void requestsAnUpgradeWithTheKey() {
        String request = new String(RFC_EXAMPLE.request("127.0.0.1", 8080, "/ws"), StandardCharsets.US_ASCII);

        assertThat(request).startsWith("GET /ws HTTP/1.1\r\n").endsWith("\r\n\r\n")
                .contains("Host: 127.0.0.1:8080\r\n", "Upgrade: websocket\r\n", "Connection: Upgrade\r\n",
                        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n", "Sec-WebSocket-Version: 13\r\n");
    }

    @Test
    void consumesTheResponseHeadAndLeavesTheFirstFrame() {
        ByteBuffer in = ascii("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "sec-websocket-accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n\u0081\u0002{}");

        assertThat(RFC_EXAMPLE.consumeResponse(in)).isTrue();
        assertThat(in.remaining()).isEqualTo(4);
    }

    @Test
    void waitsForAWholeHead() {
        ByteBuffer in = ascii("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n");

        assertThat(RFC_EXAMPLE.consumeResponse(in)).isFalse();
        assertThat(in.position()).isZero();
    }

    @Test
    void refusesAWrongAcceptOrAnotherStatus() {
        assertThatThrownBy(() -> RFC_EXAMPLE.consumeResponse(ascii(
                "HTTP/1.1 101 Switching Protocols\r\nSec-WebSocket-Accept: nope\r\n\r\n")))
                .hasMessageContaining("expected s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
        assertThatThrownBy(() -> RFC_EXAMPLE.consumeResponse(ascii("HTTP/1.1 503 Service Unavailable\r\n\r\n")))
                .hasMessageContaining("upgrade refused: HTTP/1.1 503");
    }
}
