package org.webrtcscratch.signaling;

import java.util.concurrent.atomic.LongAdder;

/**
 * The checks a new join passes before it reaches its room: the join token when tokens are in use, and the
 * room's password, hashed here, outside the room's lock, since a slow hash is the point. The lock and the
 * password's identity are checked again atomically by {@link Rooms#join}.
 *
 * <p>Every join that carries a password costs one hash, whether the room exists, has no password, or has
 * one and it is wrong, so the time taken tells nothing more than the answer does.
 */
final class RoomEntry {

    /** A join that passed: the name to join under, and what it brings to the room. */
    record Ticket(String name, Rooms.Admission admission) { }

    private final Rooms rooms;
    private final SignalingClock clock;
    private final JoinTokens joinTokens;
    private final boolean joinTokenRequired;
    private final AddressJoinRate passwordAttempts;
    private final LongAdder wrongPasswords = new LongAdder();

    RoomEntry(RoomAccess access, Rooms rooms, SignalingClock clock) {
        this.rooms = rooms;
        this.clock = clock;
        this.joinTokens = access.joinTokens();
        this.joinTokenRequired = access.joinTokenRequired();
        this.passwordAttempts = new AddressJoinRate(access.passwordAttemptsPerMinutePerAddress(), clock::nanoTime);
    }

    /**
     * @param address the remote address per-address limits count the join under, or null for none
     * @throws SignalingException {@code token-required}, {@code bad-token}, {@code password-required},
     *                            {@code wrong-password} or {@code rate-limited}
     */
    Ticket check(ClientMessage.Join join, String address) {
        String name = nameFromToken(join);
        RoomPassword current = rooms.password(join.room());
        if (current == null) {
            return new Ticket(name, new Rooms.Admission(null,
                    join.password() == null ? null : RoomPassword.of(join.password()), false));
        }
        if (join.password() == null) {
            throw new SignalingException(ErrorCode.PASSWORD_REQUIRED, RoomAccess.PASSWORD_REQUIRED_MESSAGE);
        }
        if (!passwordAttempts.tryJoin(address)) {
            throw new SignalingException(ErrorCode.RATE_LIMITED, "more than "
                    + passwordAttempts.joinsPerMinute() + " password attempts a minute from your address;"
                    + " try again later");
        }
        if (!current.matches(join.password())) {
            wrongPasswords.increment();
            throw new SignalingException(ErrorCode.WRONG_PASSWORD, "wrong password for this room");
        }
        return new Ticket(name, new Rooms.Admission(current, null, false));
    }

    /** The join's name, or the one its join token grants; the token must be for this room. */
    private String nameFromToken(ClientMessage.Join join) {
        if (join.token() == null) {
            if (joinTokenRequired) {
                throw new SignalingException(ErrorCode.TOKEN_REQUIRED,
                        "this server admits only joins with a join token from the application that links here");
            }
            return join.name();
        }
        if (joinTokens == null) {
            throw new SignalingException(ErrorCode.BAD_TOKEN, "join token refused: this server takes no join tokens");
        }
        JoinTokens.Claims claims = joinTokens.verify(join.token(), clock.instant());
        if (!claims.room().equals(join.room())) {
            throw new SignalingException(ErrorCode.BAD_TOKEN, "join token refused: it is for another room");
        }
        return claims.name();
    }

    /** Joins refused a hash because their address was over its password attempts a minute. */
    long passwordAttemptsLimited() {
        return passwordAttempts.refused();
    }

    /** Joins with a wrong room password. */
    long wrongPasswords() {
        return wrongPasswords.sum();
    }
}
