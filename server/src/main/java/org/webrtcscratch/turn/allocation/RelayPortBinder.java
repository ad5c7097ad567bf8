package org.webrtcscratch.turn.allocation;

import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * Binds relay sockets: the operating system's part of choosing a relayed transport address. The
 * {@link UdpRelayPortBinder} binds real {@code DatagramChannel}s; tests can stand in for the OS.
 */
@FunctionalInterface
public interface RelayPortBinder {

    /** Binds {@code address}, or returns empty when that port cannot be had (in use, or not allowed). */
    Optional<RelayPort> bind(InetSocketAddress address);
}
