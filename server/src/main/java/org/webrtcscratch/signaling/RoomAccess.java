package org.webrtcscratch.signaling;

import java.nio.charset.StandardCharsets;

/**
 * Who may enter a room, beyond knowing its name (docs/security.md, "Private rooms"); each part is a command-line
 * option (docs/configuration.md).
 *
 * @param joinTokenSecret  the secret join tokens are signed with ({@link JoinTokens}, at least 32 bytes of
 *                         UTF-8), or null: then joins carry no token, and one that does is refused
 * @param joinTokenRequired whether a new join needs a valid join token (a resume does not); needs the secret
 * @param passwordAttemptsPerMinutePerAddress joins with a password into a room that has one, a minute per
 *                         remote address (a token bucket refilled over a minute), so that guessing is slow
 */
public record RoomAccess(String joinTokenSecret, boolean joinTokenRequired, int passwordAttemptsPerMinutePerAddress) {

    public static final int DEFAULT_PASSWORD_ATTEMPTS_PER_MINUTE_PER_ADDRESS = 10;

    /** The one answer to a join without the room's password: it says nothing else about the room. */
    static final String PASSWORD_REQUIRED_MESSAGE = "this room needs its password";

    /** No join tokens, ten password attempts a minute per address. */
    public static RoomAccess defaults() {
        return new RoomAccess(null, false, DEFAULT_PASSWORD_ATTEMPTS_PER_MINUTE_PER_ADDRESS);
    }

    public RoomAccess validate() {
        if (joinTokenSecret != null
                && joinTokenSecret.getBytes(StandardCharsets.UTF_8).length < JoinTokens.MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the join token secret must be at least " + JoinTokens.MIN_SECRET_BYTES
                    + " bytes");
        }
        if (joinTokenRequired && joinTokenSecret == null) {
            throw new IllegalArgumentException("requiring join tokens needs a join token secret");
        }
        if (passwordAttemptsPerMinutePerAddress < 1) {
            throw new IllegalArgumentException("password attempts a minute per address must be at least 1");
        }
        return this;
    }

    public RoomAccess withJoinTokenSecret(String secret, boolean required) {
        return new RoomAccess(secret, required, passwordAttemptsPerMinutePerAddress);
    }

    public RoomAccess withPasswordAttemptsPerMinutePerAddress(int value) {
        return new RoomAccess(joinTokenSecret, joinTokenRequired, value);
    }

    /** The verifier of join tokens, or null without a secret. */
    JoinTokens joinTokens() {
        return joinTokenSecret == null ? null : new JoinTokens(joinTokenSecret.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        // Never the secret itself: configurations get logged.
        return "RoomAccess[joinTokenSecret=" + (joinTokenSecret == null ? "none" : "set") + ", joinTokenRequired="
                + joinTokenRequired + ", passwordAttemptsPerMinutePerAddress=" + passwordAttemptsPerMinutePerAddress
                + "]";
    }
}
