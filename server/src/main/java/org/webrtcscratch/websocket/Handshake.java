package org.webrtcscratch.websocket;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;

/**
 * The opening handshake's rules (RFC 6455 §4.2.1–§4.2.2) over the request's method and headers, apart from
 * any HTTP server. Pure.
 */
public final class Handshake {

    /** §1.3: appended to the client's key before hashing it into Sec-WebSocket-Accept. */
    private static final String KEY_SUFFIX = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    public static final String VERSION = "13";

    private Handshake() {
    }

    /** Why an upgrade request was refused, with the HTTP status to answer it with. */
    public static final class Refused extends RuntimeException {

        private final int status;

        Refused(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }

        /** 400 for a malformed request, 426 for a plain request or another version (§4.4), 403 when an {@link UpgradeCheck} refuses. */
        public int status() {
            return status;
        }
    }

    /**
     * Checks an upgrade request and returns its Sec-WebSocket-Key.
     *
     * @param connectionTokens the Connection header's values, possibly several comma-separated tokens
     * @throws Refused naming the first rule the request breaks
     */
    public static String check(String method, String protocol, String upgrade, String connectionTokens,
                               String version, String key) {
        if (upgrade == null || !upgrade.toLowerCase(Locale.ROOT).contains("websocket")) {
            throw new Refused(426, "this address only speaks WebSocket: send an upgrade request");
        }
        if (!"GET".equals(method) || !"HTTP/1.1".equals(protocol)) {
            throw new Refused(400, "a WebSocket upgrade must be an HTTP/1.1 GET, not " + method + " over " + protocol);
        }
        if (connectionTokens == null || !hasToken(connectionTokens, "upgrade")) {
            throw new Refused(400, "the Connection header must include 'Upgrade'");
        }
        if (!VERSION.equals(version == null ? null : version.trim())) {
            throw new Refused(426, "WebSocket version " + version + " is not supported; use " + VERSION);
        }
        if (key == null || !isKey(key.trim())) {
            throw new Refused(400, "Sec-WebSocket-Key must be 16 bytes in base64");
        }
        return key.trim();
    }

    /** §4.2.2: base64 of the SHA-1 of the key and {@link #KEY_SUFFIX}. */
    public static String accept(String key) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            byte[] digest = sha1.digest((key + KEY_SUFFIX).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }

    private static boolean hasToken(String header, String token) {
        for (String part : header.split(",")) {
            if (part.trim().equalsIgnoreCase(token)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isKey(String key) {
        try {
            return Base64.getDecoder().decode(key).length == 16;
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }
}
