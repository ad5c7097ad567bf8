package org.webrtcscratch.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Who may read {@code /metrics}: anyone (the old default, kept so that scrapers keep working, and warned about
 * at start), or whoever sends {@code Authorization: Bearer TOKEN}. Compared in constant time, so that the time
 * of a refusal says nothing about how much of a guess was right.
 */
final class MetricsAccess {

    private static final String BEARER = "Bearer ";

    private final byte[] token;

    /** @param token the token to ask for, or null to let everyone in */
    MetricsAccess(String token) {
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    boolean open() {
        return token == null;
    }

    boolean allows(String authorization) {
        if (token == null) {
            return true;
        }
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        byte[] given = authorization.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(token, given);
    }
}
