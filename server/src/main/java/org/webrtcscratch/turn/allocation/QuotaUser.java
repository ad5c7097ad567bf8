package org.webrtcscratch.turn.allocation;

/**
 * Whom a username's allocations count against for the per-user quota. A TURN REST API username is
 * {@code expiry:user} (or a bare {@code expiry}), and anyone holding the secret's credentials gets a new one
 * with every expiry: the quota counts the {@code user} part, so fresh usernames of one user share it (every
 * bare expiry counts as one user with no name). Other usernames count as they are.
 */
final class QuotaUser {

    /** As many digits as {@code auth.RestApiCredentials} accepts in an expiry. */
    private static final int MAX_EXPIRY_DIGITS = 18;

    private QuotaUser() {
    }

    static String of(String username) {
        int colon = username.indexOf(':');
        int end = colon < 0 ? username.length() : colon;
        if (end == 0 || end > MAX_EXPIRY_DIGITS) {
            return username;
        }
        for (int i = 0; i < end; i++) {
            char c = username.charAt(i);
            if (c < '0' || c > '9') {
                return username;
            }
        }
        return colon < 0 ? "" : username.substring(colon + 1);
    }
}
