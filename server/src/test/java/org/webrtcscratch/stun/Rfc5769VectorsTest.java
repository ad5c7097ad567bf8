package org.webrtcscratch.stun;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.webrtcscratch.stun.attr.Attribute;
import org.webrtcscratch.stun.attr.ByteString;
import org.webrtcscratch.stun.attr.Fingerprint;
import org.webrtcscratch.stun.attr.MessageIntegrity;
import org.webrtcscratch.stun.attr.Nonce;
import org.webrtcscratch.stun.attr.RawAttribute;
import org.webrtcscratch.stun.attr.Realm;
import org.webrtcscratch.stun.attr.Software;
import org.webrtcscratch.stun.attr.Username;
import org.webrtcscratch.stun.attr.XorMappedAddress;
import org.webrtcscratch.stun.header.MessageClass;
import org.webrtcscratch.stun.header.MessageType;
import org.webrtcscratch.stun.header.StunMethod;
import org.webrtcscratch.stun.header.TransactionId;

/**
 * The sample messages of RFC 5769, byte for byte. The RFC pads USERNAME and SOFTWARE with spaces where RFC 8489
 * has senders pad with zeros, so those re-encodings match the vectors once their padding bytes are zeroed.
 */
class Rfc5769VectorsTest {

    /** RFC 5769 §2: the short-term password of the first three samples. */
    private static final byte[] SHORT_TERM_KEY = IntegrityKeys.shortTerm("VOkJxbRl1RmTxUk/WvJxBt");
    private static final TransactionId SAMPLE_ID = TransactionId.fromHex("b7e7a701bc34d686fa87dfae");

    @Test
    void section2_1_sampleRequest() {
        byte[] vector = Hex.bytes("""
                00 01 00 58  21 12 a4 42  b7 e7 a7 01  bc 34 d6 86  fa 87 df ae
                80 22 00 10  53 54 55 4e  20 74 65 73  74 20 63 6c  69 65 6e 74
                00 24 00 04  6e 00 01 ff
                80 29 00 08  93 2f f9 b1  51 26 3b 36
                00 06 00 09  65 76 74 6a  3a 68 36 76  59 20 20 20
                00 08 00 14  9a ea a7 0c  bf d8 cb 56  78 1e f2 b5  b2 d3 f2 49  c1 b5 71 a2
                80 28 00 04  e5 7a 3b cf
                """);

        DecodedMessage decoded = StunDecoder.stun().decode(vector);
        StunMessage message = decoded.message();

        assertThat(message.type()).isEqualTo(MessageType.of(StunMethod.BINDING, MessageClass.REQUEST));
        assertThat(message.transactionId()).isEqualTo(SAMPLE_ID);
        assertThat(message.attribute(Software.class)).contains(new Software("STUN test client"));
        assertThat(message.attribute(Username.class)).contains(new Username("evtj:h6vY"));
        // PRIORITY and ICE-CONTROLLED belong to ICE, which a plain STUN decoder does not know.
        assertThat(message.attributes(RawAttribute.class)).containsExactly(
                new RawAttribute(0x0024, ByteString.fromHex("6e0001ff")),
                new RawAttribute(0x8029, ByteString.fromHex("932ff9b151263b36")));
        assertThat(message.unknownComprehensionRequired()).containsExactly(0x0024);
        assertThat(message.attribute(Fingerprint.class)).contains(new Fingerprint(0xe57a3bcf));
        assertThat(Fingerprint.of(ByteBuffer.wrap(vector, 0, 100))).isEqualTo(new Fingerprint(0xe57a3bcf));
        assertThat(Integrity.verifySha1(decoded, SHORT_TERM_KEY)).isTrue();
        assertThat(Integrity.verifySha1(decoded, IntegrityKeys.shortTerm("VOkJxbRl1RmTxUk/WvJxBT"))).isFalse();

        assertThat(StunEncoder.encode(message)).isEqualTo(zeroed(vector, 73, 76));
        assertReencodesWithFreshIntegrity(message, vector.length);
    }

    @Test
    void section2_2_sampleIpv4Response() throws Exception {
        byte[] vector = Hex.bytes("""
                01 01 00 3c  21 12 a4 42  b7 e7 a7 01  bc 34 d6 86  fa 87 df ae
                80 22 00 0b  74 65 73 74  20 76 65 63  74 6f 72 20
                00 20 00 08  00 01 a1 47  e1 12 a6 43
                00 08 00 14  2b 91 f5 99  fd 9e 90 c3  8c 74 89 f9  2a f9 ba 53  f0 6b e7 d7
                80 28 00 04  c0 7d 4c 96
                """);

        DecodedMessage decoded = StunDecoder.stun().decode(vector);
        StunMessage message = decoded.message();

        assertThat(message.type()).isEqualTo(MessageType.of(StunMethod.BINDING, MessageClass.SUCCESS_RESPONSE));
        assertThat(message.transactionId()).isEqualTo(SAMPLE_ID);
        assertThat(message.attribute(Software.class)).contains(new Software("test vector"));
        assertThat(message.attribute(XorMappedAddress.class)).contains(new XorMappedAddress(
                new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 32853)));
        assertThat(message.attribute(Fingerprint.class)).contains(new Fingerprint(0xc07d4c96));
        assertThat(Integrity.verifySha1(decoded, SHORT_TERM_KEY)).isTrue();

        assertThat(StunEncoder.encode(message)).isEqualTo(zeroed(vector, 35, 36));
        assertReencodesWithFreshIntegrity(message, vector.length);
    }

    @Test
    void section2_3_sampleIpv6Response() throws Exception {
        byte[] vector = Hex.bytes("""
                01 01 00 48  21 12 a4 42  b7 e7 a7 01  bc 34 d6 86  fa 87 df ae
                80 22 00 0b  74 65 73 74  20 76 65 63  74 6f 72 20
                00 20 00 14  00 02 a1 47  01 13 a9 fa  a5 d3 f1 79  bc 25 f4 b5  be d2 b9 d9
                00 08 00 14  a3 82 95 4e  4b e6 7b f1  17 84 c9 7c  82 92 c2 75  bf e3 ed 41
                80 28 00 04  c8 fb 0b 4c
                """);

        DecodedMessage decoded = StunDecoder.stun().decode(vector);
        StunMessage message = decoded.message();

        assertThat(message.type()).isEqualTo(MessageType.of(StunMethod.BINDING, MessageClass.SUCCESS_RESPONSE));
        assertThat(message.attribute(Software.class)).contains(new Software("test vector"));
        assertThat(message.attribute(XorMappedAddress.class)).contains(new XorMappedAddress(new InetSocketAddress(
                InetAddress.getByName("2001:db8:1234:5678:11:2233:4455:6677"), 32853)));
        assertThat(message.attribute(Fingerprint.class)).contains(new Fingerprint(0xc8fb0b4c));
        assertThat(Integrity.verifySha1(decoded, SHORT_TERM_KEY)).isTrue();

        assertThat(StunEncoder.encode(message)).isEqualTo(zeroed(vector, 35, 36));
        assertReencodesWithFreshIntegrity(message, vector.length);
    }

    /**
     * RFC 5769 §2.4: user "マトリックス", realm "example.org",
     * password "The&lt;U+00AD&gt;M&lt;U+00AA&gt;tr&lt;U+2168&gt;", "TheMatrIX" after SASLprep. Zero padding
     * here, so the encoder reproduces every byte.
     */
    @Test
    void section2_4_sampleRequestWithLongTermAuthentication() {
        byte[] vector = Hex.bytes("""
                00 01 00 60  21 12 a4 42  78 ad 34 33  c6 ad 72 c0  29 da 41 2e
                00 06 00 12  e3 83 9e e3  83 88 e3 83  aa e3 83 83  e3 82 af e3  82 b9 00 00
                00 15 00 1c  66 2f 2f 34  39 39 6b 39  35 34 64 36  4f 4c 33 34  6f 4c 39 46  53 54 76 79
                             36 34 73 41
                00 14 00 0b  65 78 61 6d  70 6c 65 2e  6f 72 67 00
                00 08 00 14  f6 70 24 65  6d d6 4a 3e  02 b8 e0 71  2e 85 c9 a2  8c a8 96 66
                """);
        String username = "\u30DE\u30C8\u30EA\u30C3\u30AF\u30B9";

        DecodedMessage decoded = StunDecoder.stun().decode(vector);
        StunMessage message = decoded.message();

        assertThat(message.transactionId()).isEqualTo(TransactionId.fromHex("78ad3433c6ad72c029da412e"));
        assertThat(message.attribute(Username.class)).contains(new Username(username));
        assertThat(message.attribute(Nonce.class)).contains(new Nonce("f//499k954d6OL34oL9FSTvy64sA"));
        assertThat(message.attribute(Realm.class)).contains(new Realm("example.org"));
        byte[] key = IntegrityKeys.longTermMd5(username, "example.org", "TheMatrIX");
        assertThat(Integrity.verifySha1(decoded, key)).isTrue();
        assertThat(IntegrityKeys.longTermMd5(username, "example.org", "The\u00ADM\u00AAtr\u2168")).isEqualTo(key);
        assertThat(Integrity.verifySha1(decoded, IntegrityKeys.longTermMd5(username, "example.org", "TheMatrix")))
                .isFalse();

        byte[] rebuilt = StunEncoder.of(message.type(), message.transactionId())
                .add(new Username(username))
                .add(new Nonce("f//499k954d6OL34oL9FSTvy64sA"))
                .add(new Realm("example.org"))
                .messageIntegrity(key)
                .toBytes();
        assertThat(rebuilt).isEqualTo(vector);
    }

    /** Recomputing MESSAGE-INTEGRITY and FINGERPRINT over our zero padding gives a message that checks out. */
    private static void assertReencodesWithFreshIntegrity(StunMessage message, int expectedLength) {
        List<Attribute> beforeIntegrity = message.attributes().stream()
                .takeWhile(attribute -> !(attribute instanceof MessageIntegrity))
                .toList();
        byte[] rebuilt = StunEncoder.of(message.type(), message.transactionId())
                .addAll(beforeIntegrity)
                .messageIntegrity(SHORT_TERM_KEY)
                .fingerprint()
                .toBytes();

        DecodedMessage again = StunDecoder.stun().decode(rebuilt);
        assertThat(rebuilt).hasSize(expectedLength);
        assertThat(Integrity.verifySha1(again, SHORT_TERM_KEY)).isTrue();
        assertThat(again.message().attributes()).startsWith(beforeIntegrity.toArray(Attribute[]::new));
    }

    private static byte[] zeroed(byte[] vector, int from, int to) {
        byte[] copy = vector.clone();
        Arrays.fill(copy, from, to, (byte) 0);
        return copy;
    }
}
