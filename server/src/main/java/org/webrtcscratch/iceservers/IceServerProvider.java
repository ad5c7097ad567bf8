package org.webrtcscratch.iceservers;

import java.util.List;

/** The ICE servers a peer is told to use; credentials may be minted per peer (our TURN's are). */
@FunctionalInterface
public interface IceServerProvider {

    /**
     * @param peerId      the peer the servers are for, or null for an anonymous {@code /api/config} request
     * @param requestHost the Host header of the request the client came in by (port included or not), or null:
     *                    the address the browser already reaches this server by
     */
    List<IceServer> iceServersFor(String peerId, String requestHost);

    static IceServerProvider fixed(List<IceServer> servers) {
        List<IceServer> copy = List.copyOf(servers);
        return (peerId, requestHost) -> copy;
    }
}
