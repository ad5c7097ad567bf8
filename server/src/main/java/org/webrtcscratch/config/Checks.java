package org.webrtcscratch.config;

/** The one way options are refused: an {@link IllegalArgumentException} whose message the command line prints. */
final class Checks {

    private Checks() { }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
