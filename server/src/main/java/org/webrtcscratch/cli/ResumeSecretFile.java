package org.webrtcscratch.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The resume secret kept in the state folder ({@code resume-secret}), made on the first start: so that a
 * restarted server signs and checks resume tokens as before, and calls go on over a restart with no setup.
 */
final class ResumeSecretFile {

    static final String FILE_NAME = "resume-secret";
    private static final int SECRET_BYTES = 32;

    private ResumeSecretFile() {
    }

    /** The secret in {@code stateDir}, made (readable by its owner only, where the file system allows) if absent. */
    static String readOrCreate(Path stateDir) {
        Path file = stateDir.resolve(FILE_NAME);
        try {
            if (!Files.exists(file)) {
                create(stateDir, file);
            }
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the resume secret " + file
                    + " (or give --resume-secret)", e);
        }
    }

    private static void create(Path stateDir, Path file) throws IOException {
        Files.createDirectories(stateDir);
        byte[] secret = new byte[SECRET_BYTES];
        new SecureRandom().nextBytes(secret);
        String text = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        try {
            if (stateDir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, text + "\n", StandardCharsets.UTF_8);
        } catch (FileAlreadyExistsException e) {
            // Another server made it at the same moment: use theirs.
        }
    }
}
