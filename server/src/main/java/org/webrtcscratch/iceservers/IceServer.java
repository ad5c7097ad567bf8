package org.webrtcscratch.iceservers;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** One entry of {@code RTCConfiguration.iceServers}, as the browser takes it (W3C webrtc §4.2.4, RTCIceServer). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IceServer(List<String> urls, String username, String credential) {

    public IceServer {
        urls = List.copyOf(urls);
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("an ICE server needs at least one URL");
        }
        for (String url : urls) {
            if (!url.matches("(stuns?|turns?):.+")) {
                throw new IllegalArgumentException("not a stun:, stuns:, turn: or turns: URL: " + url);
            }
        }
    }

    /**
     * Parses the command-line form {@code URL[,username,credential]}, e.g.
     * {@code turn:turn.example.org:3478?transport=udp,alice,secret}.
     */
    public static IceServer parse(String spec) {
        String[] parts = spec.split(",", -1);
        return switch (parts.length) {
            case 1 -> new IceServer(List.of(parts[0].strip()), null, null);
            case 3 -> new IceServer(List.of(parts[0].strip()), parts[1], parts[2]);
            default -> throw new IllegalArgumentException(
                    "ICE server must be URL or URL,username,credential: " + spec);
        };
    }
}
