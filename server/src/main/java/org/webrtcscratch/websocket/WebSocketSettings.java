package org.webrtcscratch.websocket;

import java.time.Duration;

/**
 * Limits and timers of every socket on one path.
 *
 * @param maxMessageBytes largest message accepted; a larger one fails the connection with 1009
 * @param pingInterval    silence from the peer after which it is pinged
 * @param idleTimeout     silence from the peer after which the connection is dropped
 * @param maxQueuedBytes  bytes waiting to be sent past which a peer that reads too slowly is dropped
 * @param budget          the bytes waiting to be sent to every socket of the path, per address and in total
 */
public record WebSocketSettings(int maxMessageBytes, Duration pingInterval, Duration idleTimeout,
                                long maxQueuedBytes, SendBudget budget) {

    /** Without a budget beyond each socket's own limit. */
    public WebSocketSettings(int maxMessageBytes, Duration pingInterval, Duration idleTimeout, long maxQueuedBytes) {
        this(maxMessageBytes, pingInterval, idleTimeout, maxQueuedBytes, SendBudget.unlimited());
    }
}
