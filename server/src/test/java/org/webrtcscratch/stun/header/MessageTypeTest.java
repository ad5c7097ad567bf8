package org.webrtcscratch.stun.header;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageTypeTest {

    @Test
    void wellKnownCodes() {
        assertThat(MessageType.of(StunMethod.BINDING, MessageClass.REQUEST).code()).isEqualTo(0x0001);
        assertThat(MessageType.of(StunMethod.BINDING, MessageClass.INDICATION).code()).isEqualTo(0x0011);
        assertThat(MessageType.of(StunMethod.BINDING, MessageClass.SUCCESS_RESPONSE).code()).isEqualTo(0x0101);
        assertThat(MessageType.of(StunMethod.BINDING, MessageClass.ERROR_RESPONSE).code()).isEqualTo(0x0111);
        assertThat(MessageType.of(StunMethod.ALLOCATE, MessageClass.ERROR_RESPONSE).code()).isEqualTo(0x0113);
        assertThat(MessageType.of(StunMethod.SEND, MessageClass.INDICATION).code()).isEqualTo(0x0016);
        assertThat(MessageType.of(StunMethod.DATA, MessageClass.INDICATION).code()).isEqualTo(0x0017);
        assertThat(MessageType.of(StunMethod.CHANNEL_BIND, MessageClass.SUCCESS_RESPONSE).code()).isEqualTo(0x0109);
    }

    /** All 2^14 types: weaving is a bijection between (12-bit method, 2 class bits) and 14-bit codes. */
    @Test
    void weavingCoversEveryFourteenBitCodeOnce() {
        java.util.BitSet seen = new java.util.BitSet();
        for (int method = 0; method <= 0xFFF; method++) {
            for (int classBits = 0; classBits <= 0b11; classBits++) {
                int code = MessageType.code(method, classBits);
                assertThat(code).isBetween(0, 0x3FFF);
                assertThat(MessageType.methodBits(code)).isEqualTo(method);
                assertThat(MessageType.classBits(code)).isEqualTo(classBits);
                seen.set(code);
            }
        }
        assertThat(seen.cardinality()).isEqualTo(0x4000);
        // RFC 8489 §5: method bits M11..M7 sit above C1, M6..M4 between C1 and C0.
        assertThat(MessageType.code(0xF80, 0)).isEqualTo(0x3E00);
        assertThat(MessageType.code(0x070, 0)).isEqualTo(0x00E0);
        assertThat(MessageType.code(0x000, 0b11)).isEqualTo(0x0110);
    }

    @Test
    void everyKnownTypeRoundTrips() {
        for (StunMethod method : StunMethod.values()) {
            for (MessageClass messageClass : MessageClass.values()) {
                MessageType type = MessageType.of(method, messageClass);
                assertThat(MessageType.fromCode(type.code())).isEqualTo(type);
            }
        }
    }

    @Test
    void withClassKeepsTheMethod() {
        MessageType request = MessageType.of(StunMethod.REFRESH, MessageClass.REQUEST);

        assertThat(request.withClass(MessageClass.SUCCESS_RESPONSE))
                .isEqualTo(MessageType.of(StunMethod.REFRESH, MessageClass.SUCCESS_RESPONSE));
    }

    @Test
    void transactionIdsAreValues() {
        TransactionId id = TransactionId.fromHex("b7e7a701bc34d686fa87dfae");

        assertThat(id).isEqualTo(TransactionId.read(id.toBytes(), 0));
        assertThat(id.toString()).isEqualTo("b7e7a701bc34d686fa87dfae");
        assertThat(TransactionId.random(new java.util.Random(1)))
                .isEqualTo(TransactionId.random(new java.util.Random(1)));
    }
}
