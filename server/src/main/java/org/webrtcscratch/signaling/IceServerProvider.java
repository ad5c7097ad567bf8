package org.webrtcscratch.signaling;

import java.util.List;

/** The ICE servers a peer is told to use; credentials may be minted per peer (our TURN's are). */
@FunctionalInterface
public interface IceServerProvider {

    List<IceServer> iceServersFor(String peerId);

    static IceServerProvider fixed(List<IceServer> servers) {
        List<IceServer> copy = List.copyOf(servers);
        return peerId -> copy;
    }
}
