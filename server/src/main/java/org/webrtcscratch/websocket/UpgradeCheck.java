package org.webrtcscratch.websocket;

/**
 * Who may open a WebSocket, decided from the upgrade request before it is answered: a refusal is answered
 * 403 with its reason, and the connection is never upgraded.
 */
@FunctionalInterface
public interface UpgradeCheck {

    /** Lets every request through. */
    UpgradeCheck NONE = (origin, host, secure) -> null;

    /**
     * @param origin the Origin header, or null when the client sent none (a program rather than a browser)
     * @param host   the Host header
     * @param secure whether the request came over TLS
     * @return why the request is refused, or null to let it through
     */
    String refusal(String origin, String host, boolean secure);
}
