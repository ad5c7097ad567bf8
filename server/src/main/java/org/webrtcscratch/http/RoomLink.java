package org.webrtcscratch.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.webrtcscratch.signaling.Names;

/**
 * A call's link as the Invite dialog asks for its QR code: {@code http(s)://<this server>/r/<room>} and
 * nothing else, so that the server draws codes for its own rooms only, never for any text or site. Pure:
 * strings in, a link or an error out.
 */
final class RoomLink {

    /**
     * The longest link there can be: a scheme, a host name (at most 253 characters) with a port, and the
     * longest room. Longer input is refused before it is parsed.
     */
    static final int MAX_LENGTH = "https://".length() + 253 + ":65535".length() + "/r/".length() + Names.MAX_ROOM_LENGTH;

    private RoomLink() {
    }

    /**
     * @param link what the page asked for
     * @param host the request's {@code Host} header: the server as the page reached it
     * @return the link, unchanged
     * @throws IllegalArgumentException saying what is wrong with it
     */
    static String check(String link, String host) {
        if (link == null || link.isEmpty()) {
            throw new IllegalArgumentException("link is missing");
        }
        if (link.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("link is longer than " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(link);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("link is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("link must be an http or https URL");
        }
        if (uri.getRawUserInfo() != null || uri.getRawAuthority() == null || host == null
                || !uri.getRawAuthority().equalsIgnoreCase(host)) {
            throw new IllegalArgumentException("link must point to this server (" + host + ")");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (!path.startsWith("/r/") || !Names.isRoom(path.substring(3))
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("link must be a call's link, /r/<room>");
        }
        return link;
    }
}
