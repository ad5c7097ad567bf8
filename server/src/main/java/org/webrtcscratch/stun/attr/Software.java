package org.webrtcscratch.stun.attr;

/**
 * SOFTWARE, RFC 8489 §14.14: a description of the agent that sent the message, for diagnostics only.
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Software (UTF-8, fewer than 128 characters, at most 763 bytes) ..
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public record Software(String value) implements TextAttribute {

    public static final int MAX_BYTES = 763;

    public Software {
        Utf8.require(value, MAX_BYTES, "SOFTWARE");
    }

    public static Software decode(AttributeValue value) {
        return new Software(value.utf8(0));
    }

    @Override
    public int type() {
        return AttributeType.SOFTWARE.code();
    }
}
