package org.webrtcscratch.stun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.webrtcscratch.stun.header.MessageClass;
import org.webrtcscratch.stun.header.MessageType;
import org.webrtcscratch.stun.header.StunDecodeException;
import org.webrtcscratch.stun.header.StunHeader;
import org.webrtcscratch.stun.header.StunMethod;

/** Every way {@link StunDecoder} refuses bytes, and what the exception says. */
class StunDecoderErrorsTest {

    private static final StunHeader BINDING_REQUEST_HEADER =
            new StunHeader(MessageType.of(StunMethod.BINDING, MessageClass.REQUEST), Messages.ID);

    @Test
    void inputShorterThanTheHeader() {
        StunDecodeException error = decodeError(Arrays.copyOf(Messages.bindingRequest(""), 19));

        assertThat(error.where()).isEqualTo("header");
        assertThat(error.why()).isEqualTo("19 bytes, shorter than the 20-byte header");
        assertThat(error.header()).isEmpty();
        assertThat(decodeError(new byte[0]).why()).isEqualTo("0 bytes, shorter than the 20-byte header");
    }

    @Test
    void leadingBitsSet() {
        StunDecodeException error = decodeError(Messages.withBody(0x4001, ""));

        assertThat(error.where()).isEqualTo("header/type");
        assertThat(error.why()).startsWith("type 0x4001 has a leading bit set");
    }

    @Test
    void unknownMethod() {
        StunDecodeException error = decodeError(Messages.withBody(0x0002, ""));

        assertThat(error.where()).isEqualTo("header/type");
        assertThat(error.why()).isEqualTo("unknown method 0x002 in type 0x0002");
    }

    @Test
    void lengthNotAMultipleOfFour() {
        byte[] message = Messages.bindingRequest("00");
        message[3] = 1;

        StunDecodeException error = decodeError(message);

        assertThat(error.where()).isEqualTo("header/length");
        assertThat(error.why()).isEqualTo("length 1 is not a multiple of 4 (attributes are padded to 4 bytes)");
    }

    @Test
    void lastAttributeMissingItsPadding() {
        // USERNAME "abcde" without its 3 padding bytes: the body is 9 bytes.
        StunDecodeException error = decodeError(Messages.bindingRequest("0006 0005 6162636465"));

        assertThat(error.where()).isEqualTo("header/length");
        assertThat(error.why()).startsWith("length 9 is not a multiple of 4");
    }

    @Test
    void lengthFieldLongerThanTheBody() {
        byte[] message = Messages.bindingRequest("8022 0000");
        message[3] = 8;

        StunDecodeException error = decodeError(message);

        assertThat(error.where()).isEqualTo("header/length");
        assertThat(error.why()).isEqualTo("length field says 8 bytes follow the header, 4 do");
    }

    @Test
    void bytesAfterTheMessage() {
        byte[] message = Arrays.copyOf(Messages.bindingRequest(""), 24);

        assertThat(decodeError(message).why()).isEqualTo("length field says 0 bytes follow the header, 4 do");
    }

    @Test
    void noMagicCookieIsAnRfc3489Message() {
        byte[] message = Messages.bindingRequest("");
        message[4] = 0x7F;

        StunDecodeException error = decodeError(message);

        assertThat(error).isInstanceOfSatisfying(Rfc3489MessageException.class, classic -> {
            assertThat(classic.type()).isEqualTo(MessageType.of(StunMethod.BINDING, MessageClass.REQUEST));
            assertThat(classic.transactionId()).isEqualTo(Arrays.copyOfRange(message, 4, 20));
        });
        assertThat(error.where()).isEqualTo("header/magic cookie");
    }

    @Test
    void attributeValueRunsPastTheEnd() {
        StunDecodeException error = decodeError(Messages.bindingRequest("8022 0008 61626364"));

        assertThat(error.where()).isEqualTo("attribute SOFTWARE (0x8022) at offset 20");
        assertThat(error.why()).isEqualTo("value of 8 bytes runs past the end of the message, 4 bytes left");
        assertThat(error.header()).contains(BINDING_REQUEST_HEADER);
    }

    @Test
    void secondAttributeRunsPastTheEnd() {
        StunDecodeException error = decodeError(Messages.bindingRequest("8022 0001 61000000  7f01 0010 00000000"));

        assertThat(error.where()).isEqualTo("attribute 0x7f01 at offset 28");
    }

    @Test
    void unknownAddressFamily() {
        StunDecodeException error = decodeError(Messages.withBody(0x0101, "0020 0008 0003a147 e112a643"));

        assertThat(error.where()).isEqualTo("attribute XOR-MAPPED-ADDRESS (0x0020) at offset 20");
        assertThat(error.why()).isEqualTo("unknown address family 0x03");
        assertThat(error.header()).contains(new StunHeader(
                MessageType.of(StunMethod.BINDING, MessageClass.SUCCESS_RESPONSE), Messages.ID));
    }

    @Test
    void addressLengthNotMatchingItsFamily() {
        assertThat(decodeError(Messages.withBody(0x0101, "0001 0014 0001a147 e112a643" + "00".repeat(12))).why())
                .isEqualTo("value is 20 bytes, expected 8");
        assertThat(decodeError(Messages.withBody(0x0101, "0001 0004 0001a147")).why())
                .isEqualTo("value is 4 bytes, expected 8 to 20");
        assertThat(decodeError(Messages.withBody(0x0101, "0001 0008 0002a147 e112a643")).why())
                .isEqualTo("value is 8 bytes, expected 20");
    }

    @Test
    void errorCodeClassOrNumberOutOfRange() {
        assertThat(decodeError(Messages.withBody(0x0111, "0009 0004 00000700")).why())
                .isEqualTo("class 7 and number 0 do not make a code in 300..699");
        assertThat(decodeError(Messages.withBody(0x0111, "0009 0004 00000464")).why())
                .isEqualTo("class 4 and number 100 do not make a code in 300..699");
        assertThat(decodeError(Messages.withBody(0x0111, "0009 0002 0000 0000")).why())
                .isEqualTo("value is 2 bytes, expected 4 to 767");
    }

    @Test
    void integrityOfTheWrongLength() {
        StunDecodeException sha1 = decodeError(Messages.bindingRequest("0008 0010" + "00".repeat(16)));
        StunDecodeException sha256 = decodeError(Messages.bindingRequest("001c 0012" + "00".repeat(20)));

        assertThat(sha1.where()).isEqualTo("attribute MESSAGE-INTEGRITY (0x0008) at offset 20");
        assertThat(sha1.why()).isEqualTo("value is 16 bytes, expected 20");
        assertThat(sha256.where()).isEqualTo("attribute MESSAGE-INTEGRITY-SHA256 (0x001c) at offset 20");
        assertThat(sha256.why()).isEqualTo("MESSAGE-INTEGRITY-SHA256 is 16 to 32 bytes in steps of 4, got 18");
    }

    @Test
    void fixedLengthAttributesOfTheWrongLength() {
        assertThat(decodeError(Messages.bindingRequest("8028 0008 0000000000000000")).why())
                .isEqualTo("value is 8 bytes, expected 4");
        assertThat(decodeError(Messages.bindingRequest("001e 0004 00000000")).why())
                .isEqualTo("value is 4 bytes, expected 32");
        assertThat(decodeError(Messages.withBody(0x0111, "000a 0003 00010200")).why())
                .isEqualTo("value is 3 bytes, not a whole number of 16-bit types");
    }

    @Test
    void textLongerThanAllowed() {
        String username = "61".repeat(516);

        StunDecodeException error = decodeError(Messages.bindingRequest("0006 0204" + username));

        assertThat(error.where()).isEqualTo("attribute USERNAME (0x0006) at offset 20");
        assertThat(error.why()).isEqualTo("USERNAME is 516 bytes of UTF-8, at most 513 allowed");
    }

    @Test
    void passwordAlgorithmsRunningPastTheirValue() {
        // One entry announcing 8 bytes of parameters in a 4-byte value.
        StunDecodeException error = decodeError(Messages.withBody(0x0111, "8002 0004 00020008"));

        assertThat(error.where()).isEqualTo("attribute PASSWORD-ALGORITHMS (0x8002) at offset 20");
        assertThat(error.why()).isEqualTo("reads 8 bytes at 4 of a 4-byte value");
        assertThat(decodeError(Messages.bindingRequest("001d 0008 00020000 00000000")).why())
                .isEqualTo("value is 8 bytes, more than its 4-byte algorithm entry");
    }

    @Test
    void fingerprintNotMatchingTheBytes() {
        byte[] message = StunEncoder.of(MessageType.of(StunMethod.BINDING, MessageClass.REQUEST), Messages.ID)
                .fingerprint()
                .toBytes();
        message[8] ^= 1;

        StunDecodeException error = decodeError(message);

        assertThat(error.where()).isEqualTo("attribute FINGERPRINT (0x8028) at offset 20");
        assertThat(error.why()).startsWith("CRC-32 does not match: message says 0x");
    }

    private static StunDecodeException decodeError(byte[] message) {
        StunDecodeException error = catchThrowableOfType(StunDecodeException.class,
                () -> StunDecoder.stun().decode(message));
        assertThat(error).as("decoding %s", Arrays.toString(message)).isNotNull();
        return error;
    }
}
