package org.webrtcscratch.websocket;

/** Close codes (RFC 6455 §7.4) and which of them may appear in a close frame. */
public final class CloseCodes {

    public static final int PROTOCOL_ERROR = 1002;
    /** Only reported locally: the close frame carried no code. */
    public static final int NO_STATUS = 1005;
    /** Only reported locally: the connection ended without a close frame. */
    public static final int ABNORMAL = 1006;
    /** Text that is not UTF-8. */
    public static final int INVALID_DATA = 1007;
    public static final int TOO_BIG = 1009;
    public static final int INTERNAL_ERROR = 1011;

    private CloseCodes() {
    }

    /**
     * §7.4.1–§7.4.2: 1000–1003 and 1007–1011 defined by the RFC, 1012–1014 registered with IANA since,
     * 3000–4999 for libraries and applications. 1004–1006 and 1015 are reserved for local use.
     */
    static boolean maySend(int code) {
        return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999);
    }
}
