package org.webrtcscratch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher at the repository's root ({@code ./scratch}) picks its JVM options by the JDK's version. */
class LauncherTest {

    private static final Path LAUNCHER = Path.of("..", "scratch").toAbsolutePath().normalize();

    @TempDir
    Path temp;

    @Test
    void jdk21GetsTheHeapOptionsWithoutCompactObjectHeaders() throws Exception {
        List<String> options = List.of(javaOptions(fakeJdk("21")).split(" "));
        assertThat(options).contains("-Xms32m", "-XX:MaxHeapFreeRatio=30", "-XX:G1PeriodicGCInterval=10000")
                .doesNotContain("-XX:+UseCompactObjectHeaders")
                .noneMatch(option -> option.contains("Xmx") || option.contains("MaxHeapSize"));
    }

    @Test
    void jdk25AndLaterAlsoGetCompactObjectHeaders() throws Exception {
        assertThat(javaOptions(fakeJdk("25")).split(" ")).contains("-Xms32m", "-XX:+UseCompactObjectHeaders");
        assertThat(javaOptions(fakeJdk("26")).split(" ")).contains("-XX:+UseCompactObjectHeaders");
    }

    @Test
    void aJvmOutOfMemoryExitsSoThatItsSupervisorRestartsIt() throws Exception {
        assertThat(javaOptions(fakeJdk("21")).split(" ")).contains("-XX:+ExitOnOutOfMemoryError");
        assertThat(javaOptions(fakeJdk("25")).split(" ")).contains("-XX:+ExitOnOutOfMemoryError");
    }

    /** A JDK whose {@code java} only answers the launcher's version probe, with {@code version}. */
    private Path fakeJdk(String version) throws IOException {
        Path home = temp.resolve("jdk-" + version);
        Files.createDirectories(home.resolve("bin"));
        write(home.resolve("bin/java"), "#!/bin/sh\necho '    java.specification.version = " + version + "' >&2\n");
        write(home.resolve("bin/javac"), "#!/bin/sh\n");
        return home;
    }

    private static void write(Path file, String script) throws IOException {
        Files.writeString(file, script, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static String javaOptions(Path javaHome) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", LAUNCHER.toString(), "java-options").redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", javaHome.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
