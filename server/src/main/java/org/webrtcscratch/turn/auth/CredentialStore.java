package org.webrtcscratch.turn.auth;

import java.util.List;
import java.util.Optional;

/**
 * Where the long-term credential mechanism gets a user's key from (RFC 8489 §9.2.4: the server looks the
 * USERNAME up to get the key that checks MESSAGE-INTEGRITY). Empty means unknown or no longer valid:
 * answer 401. Implementations are thread-safe.
 */
@FunctionalInterface
public interface CredentialStore {

    Optional<LongTermKey> keyFor(String username);

    /** A store that asks each of {@code stores} in turn and answers with the first key found. */
    static CredentialStore firstOf(List<CredentialStore> stores) {
        List<CredentialStore> copy = List.copyOf(stores);
        return username -> {
            for (CredentialStore store : copy) {
                Optional<LongTermKey> key = store.keyFor(username);
                if (key.isPresent()) {
                    return key;
                }
            }
            return Optional.empty();
        };
    }
}
