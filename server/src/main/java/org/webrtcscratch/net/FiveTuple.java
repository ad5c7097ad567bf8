package org.webrtcscratch.net;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * The client's source address, the server address it wrote to, and the transport between them: the key
 * of an allocation (RFC 8656 §2.2, §6). A TCP or TLS connection is one 5-tuple for its whole life.
 */
public record FiveTuple(InetSocketAddress client, InetSocketAddress server, Transport transport) {

    /** The client-to-server transport (RFC 8656 §3.1); relaying to peers is over UDP in every case. */
    public enum Transport {
        UDP,
        TCP,
        TLS
    }

    public FiveTuple {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(transport, "transport");
        if (client.isUnresolved() || server.isUnresolved()) {
            throw new IllegalArgumentException("5-tuple addresses must be resolved: " + client + " -> " + server);
        }
    }

    @Override
    public String toString() {
        return transport + " " + client + " -> " + server;
    }
}
