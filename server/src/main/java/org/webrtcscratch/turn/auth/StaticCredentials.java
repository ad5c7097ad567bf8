package org.webrtcscratch.turn.auth;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fixed users, as given by {@code --turn-user NAME:PASS}. Only the derived keys are kept, not the
 * passwords (RFC 8489 §9.2.2 lets the server store the key instead of the password).
 */
public final class StaticCredentials implements CredentialStore {

    private final Map<String, LongTermKey> keys;

    private StaticCredentials(Map<String, LongTermKey> keys) {
        this.keys = Map.copyOf(keys);
    }

    /**
     * Parses {@code NAME:PASS} entries; the name ends at the first colon, so passwords may hold colons.
     *
     * @throws IllegalArgumentException for an entry without a colon, an empty name or password, or a name
     *                                  given twice
     */
    public static StaticCredentials parse(List<String> entries, String realm) {
        Map<String, LongTermKey> keys = new HashMap<>();
        for (String entry : entries) {
            int colon = entry.indexOf(':');
            if (colon <= 0 || colon == entry.length() - 1) {
                throw new IllegalArgumentException(
                        "TURN user '" + redact(entry) + "' must be NAME:PASS with neither empty");
            }
            String name = entry.substring(0, colon);
            if (keys.put(name, LongTermKey.derive(name, realm, entry.substring(colon + 1))) != null) {
                throw new IllegalArgumentException("TURN user '" + name + "' is given twice");
            }
        }
        return new StaticCredentials(keys);
    }

    @Override
    public Optional<LongTermKey> keyFor(String username) {
        return Optional.ofNullable(keys.get(username));
    }

    public int size() {
        return keys.size();
    }

    private static String redact(String entry) {
        int colon = entry.indexOf(':');
        return colon < 0 ? "(" + entry.length() + " characters, no colon)" : entry.substring(0, colon) + ":***";
    }
}
