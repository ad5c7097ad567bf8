package org.webrtcscratch.signaling;

import java.time.Duration;

/**
 * Every limit the signaling server enforces; each one is a command-line option (docs/configuration.md).
 *
 * @param roomCapacity       peers one room holds at most
 * @param maxMessageBytes    largest text frame accepted; larger ones are refused with {@code too-large}
 * @param rateLimitPerSecond messages a connection may send a second on average (token bucket refill)
 * @param rateBurst          messages a connection may send at once (token bucket size)
 * @param rateAbuse          how long a connection may keep exceeding the rate before it is closed
 * @param pingInterval       silence from a connection after which the server pings it
 * @param idleTimeout        silence after which a connection is considered dead
 * @param resumeWindow       how long a dropped peer keeps its place for a resume
 * @param maxRooms           rooms the server holds at most
 * @param maxConnections     WebSocket connections the server holds at most
 * @param joinsPerMinutePerAddress joins one remote address may make a minute (a token bucket of this size,
 *                           refilled over a minute), so that one client cannot walk room names
 * @param maxQueuedBytesPerAddress bytes waiting to be sent to the connections of one remote address at most;
 *                           past it, the connection whose queue grows is dropped as too slow
 * @param maxQueuedBytesTotal bytes waiting to be sent to every connection together at most; 0 for a quarter of
 *                           the maximum heap ({@link #effectiveMaxQueuedBytesTotal()})
 */
public record SignalingLimits(
        int roomCapacity,
        int maxMessageBytes,
        double rateLimitPerSecond,
        int rateBurst,
        Duration rateAbuse,
        Duration pingInterval,
        Duration idleTimeout,
        Duration resumeWindow,
        int maxRooms,
        int maxConnections,
        int joinsPerMinutePerAddress,
        long maxQueuedBytesPerAddress,
        long maxQueuedBytesTotal) {

    public static final int DEFAULT_JOINS_PER_MINUTE_PER_ADDRESS = 120;
    public static final long DEFAULT_MAX_QUEUED_BYTES_PER_ADDRESS = 32L << 20;

    /** The limits before the per-address ones and the total budget came: those at their defaults. */
    public SignalingLimits(int roomCapacity, int maxMessageBytes, double rateLimitPerSecond, int rateBurst,
                           Duration rateAbuse, Duration pingInterval, Duration idleTimeout, Duration resumeWindow,
                           int maxRooms, int maxConnections) {
        this(roomCapacity, maxMessageBytes, rateLimitPerSecond, rateBurst, rateAbuse, pingInterval, idleTimeout,
                resumeWindow, maxRooms, maxConnections, DEFAULT_JOINS_PER_MINUTE_PER_ADDRESS,
                DEFAULT_MAX_QUEUED_BYTES_PER_ADDRESS, 0);
    }

    public static SignalingLimits defaults() {
        return new SignalingLimits(8, 64 * 1024, 50, 200, Duration.ofSeconds(5),
                Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofSeconds(15), 100_000, 200_000);
    }

    /** {@link #maxQueuedBytesTotal}, with 0 resolved to a quarter of the maximum heap. */
    public long effectiveMaxQueuedBytesTotal() {
        return maxQueuedBytesTotal == 0 ? Runtime.getRuntime().maxMemory() / 4 : maxQueuedBytesTotal;
    }

    /** The message size past which the connection is failed (1009) instead of answered {@code too-large}. */
    public int hardMessageBytes() {
        return (int) Math.min(Integer.MAX_VALUE - 8, Math.max(1L << 20, 4L * maxMessageBytes));
    }

    public SignalingLimits validate() {
        require(roomCapacity >= 2, "room capacity must be at least 2");
        require(maxMessageBytes >= 1024, "max message size must be at least 1024 bytes");
        require(rateLimitPerSecond > 0, "rate limit must be positive");
        require(rateBurst >= 1, "rate burst must be at least 1");
        require(!rateAbuse.isNegative(), "rate abuse duration must not be negative");
        require(pingInterval.toMillis() > 0, "ping interval must be positive");
        require(idleTimeout.compareTo(pingInterval) > 0, "idle timeout must be longer than the ping interval");
        require(!resumeWindow.isNegative(), "resume window must not be negative");
        require(maxRooms >= 1, "max rooms must be at least 1");
        require(maxConnections >= 1, "max connections must be at least 1");
        require(joinsPerMinutePerAddress >= 1, "joins a minute per address must be at least 1");
        require(maxQueuedBytesPerAddress >= hardMessageBytes(), "the queued bytes per address must be at least"
                + " the largest frame, " + hardMessageBytes() + " bytes");
        require(maxQueuedBytesTotal == 0 || maxQueuedBytesTotal >= maxQueuedBytesPerAddress,
                "the total queued bytes must be 0 (a quarter of the heap) or at least the per-address budget");
        return this;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    public SignalingLimits withRoomCapacity(int value) {
        return new SignalingLimits(value, maxMessageBytes, rateLimitPerSecond, rateBurst, rateAbuse,
                pingInterval, idleTimeout, resumeWindow, maxRooms, maxConnections,
                joinsPerMinutePerAddress, maxQueuedBytesPerAddress, maxQueuedBytesTotal);
    }

    public SignalingLimits withRate(double perSecond, int burst, Duration abuse) {
        return new SignalingLimits(roomCapacity, maxMessageBytes, perSecond, burst, abuse,
                pingInterval, idleTimeout, resumeWindow, maxRooms, maxConnections,
                joinsPerMinutePerAddress, maxQueuedBytesPerAddress, maxQueuedBytesTotal);
    }

    public SignalingLimits withResumeWindow(Duration value) {
        return new SignalingLimits(roomCapacity, maxMessageBytes, rateLimitPerSecond, rateBurst, rateAbuse,
                pingInterval, idleTimeout, value, maxRooms, maxConnections,
                joinsPerMinutePerAddress, maxQueuedBytesPerAddress, maxQueuedBytesTotal);
    }

    public SignalingLimits withKeepAlive(Duration ping, Duration idle) {
        return new SignalingLimits(roomCapacity, maxMessageBytes, rateLimitPerSecond, rateBurst, rateAbuse,
                ping, idle, resumeWindow, maxRooms, maxConnections,
                joinsPerMinutePerAddress, maxQueuedBytesPerAddress, maxQueuedBytesTotal);
    }

    public SignalingLimits withAddressLimits(int joinsPerMinute, long queuedBytesPerAddress, long queuedBytesTotal) {
        return new SignalingLimits(roomCapacity, maxMessageBytes, rateLimitPerSecond, rateBurst, rateAbuse,
                pingInterval, idleTimeout, resumeWindow, maxRooms, maxConnections, joinsPerMinute,
                queuedBytesPerAddress, queuedBytesTotal);
    }
}
