package org.webrtcscratch.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.webrtcscratch.signaling.RoomAccess;
import picocli.CommandLine.Option;

/** Who may enter a room of {@code serve} beyond knowing its name: join tokens and password attempts. */
final class RoomAccessOptions {

    @Option(names = "--join-token-secret", paramLabel = "SECRET", defaultValue = "${SCRATCH_JOIN_TOKEN_SECRET}",
            description = "Secret (at least 32 bytes) of the signed join tokens (JWT, HS256) another application"
                    + " mints for its users; prefer the variable or --join-token-secret-file, which no process"
                    + " list shows [SCRATCH_JOIN_TOKEN_SECRET].")
    String secret;

    @Option(names = "--join-token-secret-file", paramLabel = "FILE", defaultValue = "${SCRATCH_JOIN_TOKEN_SECRET_FILE}",
            description = "File holding the join token secret (trailing whitespace ignored)"
                    + " [SCRATCH_JOIN_TOKEN_SECRET_FILE].")
    Path secretFile;

    @Option(names = "--require-join-token", defaultValue = "${SCRATCH_REQUIRE_JOIN_TOKEN:-false}",
            description = "Refuse new joins without a valid join token; needs the secret [SCRATCH_REQUIRE_JOIN_TOKEN].")
    boolean required;

    @Option(names = "--password-attempts-per-minute-per-address", paramLabel = "N",
            defaultValue = "${SCRATCH_PASSWORD_ATTEMPTS_PER_MINUTE_PER_ADDRESS:-10}",
            description = "Joins with a password into a room that has one, a minute per remote address"
                    + " [SCRATCH_PASSWORD_ATTEMPTS_PER_MINUTE_PER_ADDRESS] (default: ${DEFAULT-VALUE}).")
    int passwordAttemptsPerMinutePerAddress;

    RoomAccess toSettings() {
        return new RoomAccess(secret(), required, passwordAttemptsPerMinutePerAddress);
    }

    /**
     * The secret from {@code --join-token-secret} (or its variable) or {@code --join-token-secret-file}.
     *
     * @throws IllegalArgumentException when both are given, or the file cannot be read or is empty
     */
    private String secret() {
        boolean inline = secret != null && !secret.isEmpty();
        if (secretFile == null) {
            return inline ? secret : null;
        }
        if (inline) {
            throw new IllegalArgumentException("give --join-token-secret or --join-token-secret-file, not both");
        }
        try {
            String fromFile = Files.readString(secretFile, StandardCharsets.UTF_8).strip();
            if (fromFile.isEmpty()) {
                throw new IllegalArgumentException("--join-token-secret-file " + secretFile + " is empty");
            }
            return fromFile;
        } catch (IOException e) {
            throw new IllegalArgumentException("--join-token-secret-file " + secretFile + " cannot be read: "
                    + e.getMessage());
        }
    }
}
