package org.webrtcscratch.turn.allocation;

/** Why the relay silently discards a datagram (RFC 8656 §11.2, §11.3, §12.6); for metrics and debug logs. */
public enum DropReason {
    /** The allocation expired or was deleted. */
    ALLOCATION_GONE,
    /** No active permission for the peer's IP (RFC 8656 §9). */
    NO_PERMISSION,
    /** ChannelData on a channel number with no active binding (RFC 8656 §12.6). */
    CHANNEL_NOT_BOUND,
    /** The allocation's bandwidth cap is used up for now. */
    BANDWIDTH_CAP
}
