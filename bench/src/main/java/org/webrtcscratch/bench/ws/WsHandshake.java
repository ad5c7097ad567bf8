package org.webrtcscratch.bench.ws;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/** The opening handshake of RFC 6455 §4.1 (client request) and §4.2.2 (the server's 101 answer). Pure. */
public record WsHandshake(String key) {

    /** RFC 6455 §1.3: appended to the key before hashing. */
    private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final byte[] HEAD_END = {'\r', '\n', '\r', '\n'};

    /** A handshake with a fresh random 16-byte nonce, as §4.1 asks. */
    public static WsHandshake random() {
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        return new WsHandshake(Base64.getEncoder().encodeToString(nonce));
    }

    /** The GET upgrade request for {@code target} (path and query). */
    public byte[] request(String host, int port, String target) {
        return ("GET " + target + " HTTP/1.1\r\n"
                + "Host: " + host + ":" + port + "\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + key + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** Sec-WebSocket-Accept the server must send back for this key. */
    public String expectedAccept() {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1")
                    .digest((key + ACCEPT_GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every JDK", e);
        }
    }

    /**
     * Consumes the server's response head from {@code in} if it is all there; returns false (position
     * unchanged) if more bytes are needed.
     *
     * @throws IllegalStateException if the server refused the upgrade or answered with the wrong accept value
     */
    public boolean consumeResponse(ByteBuffer in) {
        int end = indexOf(in, HEAD_END);
        if (end < 0) {
            return false;
        }
        byte[] head = new byte[end - in.position()];
        in.get(head);
        in.position(in.position() + HEAD_END.length);
        String[] lines = new String(head, StandardCharsets.ISO_8859_1).split("\r\n");
        if (!lines[0].startsWith("HTTP/1.1 101")) {
            throw new IllegalStateException("upgrade refused: " + lines[0]);
        }
        String expected = expectedAccept();
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("sec-websocket-accept")) {
                String accept = line.substring(colon + 1).trim();
                if (!accept.equals(expected)) {
                    throw new IllegalStateException("Sec-WebSocket-Accept is " + accept + ", expected " + expected);
                }
                return true;
            }
        }
        throw new IllegalStateException("101 response without Sec-WebSocket-Accept");
    }

    private static int indexOf(ByteBuffer in, byte[] needle) {
        for (int i = in.position(); i <= in.limit() - needle.length; i++) {
            boolean match = true;
            for (int j = 0; j < needle.length && match; j++) {
                match = in.get(i + j) == needle[j];
            }
            if (match) {
                return i;
            }
        }
        return -1;
    }
}
