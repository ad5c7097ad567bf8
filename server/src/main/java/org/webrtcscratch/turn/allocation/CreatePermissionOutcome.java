package org.webrtcscratch.turn.allocation;

import java.net.InetAddress;
import java.util.List;

/**
 * The answer to a CreatePermission request (RFC 8656 §10.2): all permissions installed or refreshed, or
 * none and a {@link Rejection}.
 */
public sealed interface CreatePermissionOutcome permits CreatePermissionOutcome.Installed, Rejection {

    /** The peer IPs that now hold a permission for {@link Permission#LIFETIME}. */
    record Installed(List<InetAddress> peers) implements CreatePermissionOutcome {

        public Installed {
            peers = List.copyOf(peers);
        }
    }
}
