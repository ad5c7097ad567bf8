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

    /**
     * The key of {@code username} for a request on an allocation made with it: a time-limited credential's
     * expiry bounds when an allocation may be made, not how long its owner may keep it (the web app's
     * credentials live minutes, its calls hours). By default the same as {@link #keyFor}.
     */
    default Optional<LongTermKey> keyForExistingAllocation(String username) {
        return keyFor(username);
    }

    /** A store that asks each of {@code stores} in turn and answers with the first key found. */
    static CredentialStore firstOf(List<CredentialStore> stores) {
        List<CredentialStore> copy = List.copyOf(stores);
        return new CredentialStore() {
            @Override
            public Optional<LongTermKey> keyFor(String username) {
                for (CredentialStore store : copy) {
                    Optional<LongTermKey> key = store.keyFor(username);
                    if (key.isPresent()) {
                        return key;
                    }
                }
                return Optional.empty();
            }

            @Override
            public Optional<LongTermKey> keyForExistingAllocation(String username) {
                for (CredentialStore store : copy) {
                    Optional<LongTermKey> key = store.keyForExistingAllocation(username);
                    if (key.isPresent()) {
                        return key;
                    }
                }
                return Optional.empty();
            }
        };
    }
}
