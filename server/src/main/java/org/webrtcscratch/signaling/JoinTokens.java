package org.webrtcscratch.signaling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Join tokens another application mints for its users: a JSON Web Token (RFC 7519) in compact form, signed with
 * HMAC-SHA256 ({@code "alg":"HS256"}, RFC 7518 §3.2) under a secret shared with this server. Its claims say which
 * room the holder may enter ({@code room}), under which display name ({@code name}) and until when ({@code exp},
 * seconds since the epoch); {@code sub}, the holder's identity in that application, is optional and unused.
 * Only HS256 is accepted: a token that names another algorithm, {@code none} included, is refused. Pure: the
 * time is passed in.
 */
public final class JoinTokens {

    /** Shortest secret accepted: as long as the MAC, as RFC 2104 §3 recommends. */
    public static final int MIN_SECRET_BYTES = 32;
    /** Longest token read: a few claims need far less. */
    static final int MAX_TOKEN_LENGTH = 2048;
    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a valid token grants: entry to {@code room} as {@code name}. */
    public record Claims(String room, String name, Instant expiresAt) { }

    private final SecretKeySpec key;

    public JoinTokens(byte[] secret) {
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the join token secret must be at least " + MIN_SECRET_BYTES
                    + " bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
    }

    /**
     * What {@code token} grants at {@code now}.
     *
     * @throws SignalingException {@code bad-token}, saying what is wrong (malformed, signature, algorithm,
     *                            expired, a claim missing or invalid); never which secret was expected
     */
    public Claims verify(String token, Instant now) {
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw bad("longer than " + MAX_TOKEN_LENGTH + " characters");
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw bad("not a JWT in compact form (header.payload.signature)");
        }
        JsonNode header = json(parts[0], "header");
        // Checked before the signature: a token that says "none" or RS256 is not one of ours, whatever it carries.
        if (!"HS256".equals(header.path("alg").textValue())) {
            throw bad("the algorithm must be HS256");
        }
        byte[] signature = base64(parts[2], "signature");
        byte[] signed = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(signature, mac(signed))) {
            throw bad("the signature does not match");
        }
        JsonNode claims = json(parts[1], "payload");
        JsonNode exp = claims.get("exp");
        if (exp == null || !exp.isNumber()) {
            throw bad("claim 'exp' (seconds since 1970) is missing");
        }
        Instant expiresAt = Instant.ofEpochSecond(Math.min(exp.asLong(), Instant.MAX.getEpochSecond()));
        if (!now.isBefore(expiresAt)) {
            throw bad("expired at " + expiresAt);
        }
        String room = text(claims, "room");
        if (!Names.isRoom(room)) {
            throw bad("claim 'room' is not a room name");
        }
        String name;
        try {
            name = Names.checkDisplayName(text(claims, "name"));
        } catch (SignalingException e) {
            throw bad("claim 'name': " + e.getMessage());
        }
        return new Claims(room, name, expiresAt);
    }

    private static String text(JsonNode claims, String field) {
        JsonNode value = claims.get(field);
        if (value == null || !value.isTextual()) {
            throw bad("claim '" + field + "' (a string) is missing");
        }
        return value.textValue();
    }

    private static JsonNode json(String part, String what) {
        try {
            JsonNode node = JSON.readTree(base64(part, what));
            if (node == null || !node.isObject()) {
                throw bad("the " + what + " is not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw bad("the " + what + " is not JSON");
        }
    }

    private static byte[] base64(String part, String what) {
        try {
            return DECODER.decode(part);
        } catch (IllegalArgumentException e) {
            throw bad("the " + what + " is not base64url");
        }
    }

    private byte[] mac(byte[] data) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is part of every JDK", e);
        }
    }

    private static SignalingException bad(String why) {
        return new SignalingException(ErrorCode.BAD_TOKEN, "join token refused: " + why);
    }
}
