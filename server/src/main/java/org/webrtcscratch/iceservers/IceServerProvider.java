package org.webrtcscratch.iceservers;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The ICE servers a peer is told to use; credentials may be minted per peer (our TURN's are). */
@FunctionalInterface
public interface IceServerProvider {

    /**
     * @param peerId      the peer the servers are for, or null for an anonymous request ({@link #anonymousIceServers})
     * @param requestHost the Host header of the request the client came in by (port included or not), or null:
     *                    the address the browser already reaches this server by
     */
    List<IceServer> iceServersFor(String peerId, String requestHost);

    /**
     * How long the credentials in {@link #iceServersFor} stay good, or empty when none expire: a peer asks for
     * fresh ones before then ({@code refresh-ice-servers}).
     */
    default Optional<Duration> credentialLifetime() {
        return Optional.empty();
    }

    /** The shortest time between two {@code refresh-ice-servers} of one connection that are answered. */
    default Duration minRefreshInterval() {
        return DEFAULT_MIN_REFRESH_INTERVAL;
    }

    Duration DEFAULT_MIN_REFRESH_INTERVAL = Duration.ofSeconds(10);

    /**
     * The servers a client that has joined no room may be told about: those without credentials. Credentials go
     * only to peers in a room, in {@code welcome} and {@code ice-servers}.
     */
    default List<IceServer> anonymousIceServers(String requestHost) {
        return iceServersFor(null, requestHost).stream().filter(server -> server.username() == null).toList();
    }

    static IceServerProvider fixed(List<IceServer> servers) {
        List<IceServer> copy = List.copyOf(servers);
        return (peerId, requestHost) -> copy;
    }
}
