package org.webrtcscratch.bench.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The adapters against messages shaped the way each server writes them: ours per docs/protocol.md, PeerJS
 * server 1.0.2 as its source relays (the client's object with {@code src} added, {@code JSON.stringify}).
 */
class ProtocolAdapterTest {

    private final OurProtocol ours = new OurProtocol();
    private final PeerJsProtocol peerJs = new PeerJsProtocol();

    @Test
    void ourClientJoinsItsRoomAndLearnsItsPeerIdFromWelcome() {
        assertThat(ours.target("c1")).isEqualTo("/ws");
        assertThat(ours.onOpen("c1", "p7")).isEqualTo("{\"type\":\"join\",\"room\":\"p7\",\"name\":\"c1\"}");
        String welcome = "{\"type\":\"welcome\",\"peerId\":\"Yv3sZ9\",\"room\":\"p7\",\"name\":\"c1\","
                + "\"peers\":[{\"peerId\":\"k2Jd\",\"name\":\"c0\"}],\"iceServers\":[],\"resumeToken\":\"q0\",\"resumed\":false}";

        assertThat(ours.registeredPeerId(welcome, "c1")).isEqualTo("Yv3sZ9");
        assertThat(ours.registeredPeerId("{\"type\":\"peer-joined\",\"peer\":{\"peerId\":\"x\"}}", "c1")).isNull();
    }

    @Test
    void ourSignalComesBackAsRelayedWithTheBenchFields() {
        String sent = ours.signal("k2Jd", 42, 123_456_789L);
        assertThat(sent).startsWith("{\"type\":\"signal\",\"to\":\"k2Jd\",\"payload\":{\"candidate\":{");
        String payload = sent.substring(sent.indexOf("\"payload\":") + "\"payload\":".length(), sent.length() - 1);
        String relayed = "{\"type\":\"signal\",\"from\":\"Yv3sZ9\",\"payload\":" + payload + "}";

        assertThat(ours.relayed(relayed)).isEqualTo(new ProtocolAdapter.Relayed(42, 123_456_789L));
        assertThat(ours.relayed("{\"type\":\"pong\"}")).isNull();
        assertThat(ours.isError("{\"type\":\"error\",\"code\":\"rate-limited\"}")).isTrue();
    }

    @Test
    void peerJsClientRegistersByItsUrlAndOpen() {
        assertThat(peerJs.target("b3")).isEqualTo("/peerjs?key=peerjs&id=b3&token=benchtoken");
        assertThat(peerJs.onOpen("b3", "p1")).isNull();
        assertThat(peerJs.registeredPeerId("{\"type\":\"OPEN\"}", "b3")).isEqualTo("b3");
        assertThat(peerJs.isError("{\"type\":\"ERROR\",\"payload\":{\"msg\":\"Server has reached its concurrent user limit\"}}"))
                .isTrue();
    }

    @Test
    void peerJsSignalComesBackWithSrcAdded() {
        String sent = peerJs.signal("b4", 7, 99);
        assertThat(sent).startsWith("{\"type\":\"CANDIDATE\",\"dst\":\"b4\",\"payload\":{");
        String relayed = sent.substring(0, sent.length() - 1) + ",\"src\":\"b3\"}";

        assertThat(peerJs.relayed(relayed)).isEqualTo(new ProtocolAdapter.Relayed(7, 99));
        assertThat(peerJs.keepAlive()).isEqualTo("{\"type\":\"HEARTBEAT\"}");
    }

    @Test
    void bothServersCarryPayloadsOfNearlyTheSameSize() {
        int ourSize = ours.signal("Yv3sZ9kq0m1aXc7pQe2L4w", 1, 1).length();
        int theirSize = peerJs.signal("b123456", 1, 1).length();

        assertThat(Math.abs(ourSize - theirSize)).isLessThan(40);
    }

    @Test
    void benchFieldsAreMissingFromOtherMessages() {
        assertThat(ProtocolAdapter.parseBenchFields("{\"type\":\"signal\",\"payload\":{\"bseq\":1}}")).isNull();
        assertThat(ProtocolAdapter.parseBenchFields("{\"bseq\":12,\"bt\":0}")).isEqualTo(new ProtocolAdapter.Relayed(12, 0));
    }
}
