package org.webrtcscratch.config;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;
import org.webrtcscratch.iceservers.IceServerProvider;
import org.webrtcscratch.turn.TurnSettings;
import org.webrtcscratch.turn.auth.RestApiSecret;

/** Whether browsers get a STUN/TURN server of ours, and where it runs. */
public sealed interface TurnMode {

    /** No STUN/TURN of ours; browsers get the {@code --ice-server}s only. */
    record Off() implements TurnMode {
    }

    /**
     * Run the STUN/TURN server in this process.
     *
     * @param tlsPort TURN over TLS on this port (0: a free one), with the web server's certificate, when it has
     *                one; empty for none
     */
    record Local(TurnSettings settings, OptionalInt tlsPort) implements TurnMode {
        public Local {
            Objects.requireNonNull(settings, "settings");
            Objects.requireNonNull(tlsPort, "tlsPort");
        }

        /** Without TURN over TLS. */
        public Local(TurnSettings settings) {
            this(settings, OptionalInt.empty());
        }
    }

    /**
     * A {@code turn} process on another machine with the same REST API secret: browsers are pointed at
     * {@code host:port} with credentials minted here.
     *
     * @param credentialRefreshInterval the shortest time between two refreshes of one connection's credentials
     * @param tlsPort that machine's TURN over TLS port, handed out as a {@code turns:host:port} URL (its
     *                certificate must name {@code host}); empty for none
     */
    record Remote(String host, int port, RestApiSecret secret, Duration credentialTtl,
                  Duration credentialRefreshInterval, OptionalInt tlsPort) implements TurnMode {
        public Remote {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(secret, "secret");
            Objects.requireNonNull(credentialTtl, "credentialTtl");
            Objects.requireNonNull(credentialRefreshInterval, "credentialRefreshInterval");
            Objects.requireNonNull(tlsPort, "tlsPort");
            if (host.isBlank() || port < 1 || port > 65535) {
                throw new IllegalArgumentException("remote TURN server must be HOST:PORT with a port in 1-65535, got "
                        + host + ":" + port);
            }
            if (tlsPort.isPresent() && (tlsPort.getAsInt() < 1 || tlsPort.getAsInt() > 65535)) {
                throw new IllegalArgumentException("the remote TURN server's TLS port must be 1-65535, got "
                        + tlsPort.getAsInt());
            }
        }

        /** Without TURN over TLS. */
        public Remote(String host, int port, RestApiSecret secret, Duration credentialTtl,
                      Duration credentialRefreshInterval) {
            this(host, port, secret, credentialTtl, credentialRefreshInterval, OptionalInt.empty());
        }

        /** Without TURN over TLS, with the default shortest interval between two refreshes of one connection's credentials. */
        public Remote(String host, int port, RestApiSecret secret, Duration credentialTtl) {
            this(host, port, secret, credentialTtl, IceServerProvider.DEFAULT_MIN_REFRESH_INTERVAL);
        }

        public Remote withTlsPort(OptionalInt value) {
            return new Remote(host, port, secret, credentialTtl, credentialRefreshInterval, value);
        }
    }

    TurnMode OFF = new Off();
}
