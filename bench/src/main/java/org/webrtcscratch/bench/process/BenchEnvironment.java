package org.webrtcscratch.bench.process;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where things are: the repository, our server's jar, the bench's work folder (PeerJS server installed by
 * bench/run.sh, logs) and the java running the bench (which also runs our server and the UDP echo).
 */
public record BenchEnvironment(Path repoRoot, Path serverJar, Path workDir, String javaBin, String benchClasspath) {

    /** The environment of this JVM, rooted at {@code repoRoot}. */
    public static BenchEnvironment of(Path repoRoot) {
        Path root = repoRoot.toAbsolutePath().normalize();
        String java = ProcessHandle.current().info().command().orElse("java");
        return new BenchEnvironment(root, root.resolve("server/target/webrtc-scratch.jar"), root.resolve("bench/.work"),
                java, System.getProperty("java.class.path"));
    }

    /**
     * The same bench with our server taken from another checkout {@code otherRoot} (its {@code ./scratch} and
     * jar): how bench/run.sh compare starts an older commit of ours beside this tree's.
     */
    public BenchEnvironment withServerFrom(Path otherRoot) {
        Path root = otherRoot.toAbsolutePath().normalize();
        return new BenchEnvironment(root, root.resolve("server/target/webrtc-scratch.jar"), workDir, javaBin, benchClasspath);
    }

    /** Our launcher, {@code ./scratch} at the repository's root. */
    public Path launcher() {
        return repoRoot.resolve("scratch");
    }

    /** The JDK whose {@code bin/java} runs the bench. */
    public Path javaHome() {
        return Path.of(javaBin).toAbsolutePath().getParent().getParent();
    }

    public Path logDir() {
        return workDir.resolve("logs");
    }

    public Path peerJsBin() {
        return workDir.resolve("node_modules/peer/dist/bin/peerjs.js");
    }

    public Path docs() {
        return repoRoot.resolve("docs/benchmarks.md");
    }

    public Path imageDir() {
        return repoRoot.resolve("docs/img");
    }

    /** Fails with a message saying what to run when a prerequisite is missing. */
    public void require(Path path, String howToGetIt) {
        if (!Files.exists(path)) {
            throw new IllegalStateException(path + " is missing: " + howToGetIt);
        }
    }
}
