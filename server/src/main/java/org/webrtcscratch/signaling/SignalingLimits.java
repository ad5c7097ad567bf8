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
        int maxConnections) {

    public static SignalingLimits defaults() {
        return new SignalingLimits(8, 64 * 1024, 50, 200, Duration.ofSeconds(5),
                Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofSeconds(15), 100_000, 200_000);
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
        return this;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    public SignalingLimits withRoomCapacity(int value) {
        return new SignalingLimits(value, maxMessageBytes, rateLimitPerSecond, rateBurst, rateAbuse,
                pingInterval, idleTimeout, resumeWindow, maxRooms, maxConnections);
    }

    public SignalingLimits withRate(double perSecond, int burst, Duration abuse) {
        return new SignalingLimits(roomCapacity, maxMessageBytes, perSecond, burst, abuse,
                pingInterval, idleTimeout, resumeWindow, maxRooms, maxConnections);
    }

    public SignalingLimits withResumeWindow(Duration value) {
        return new SignalingLimits(roomCapacity, maxMessageBytes, rateLimitPerSecond, rateBurst, rateAbuse,
                pingInterval, idleTimeout, value, maxRooms, maxConnections);
    }

    public SignalingLimits withKeepAlive(Duration ping, Duration idle) {
        return new SignalingLimits(roomCapacity, maxMessageBytes, rateLimitPerSecond, rateBurst, rateAbuse,
                ping, idle, resumeWindow, maxRooms, maxConnections);
    }
}
