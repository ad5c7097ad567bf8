package org.webrtcscratch.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.webrtcscratch.bench.process.BenchEnvironment;
import picocli.CommandLine.Option;

/**
 * How the bench runs our server: JVM options for it, and with {@code --ours-at} a second build of it (another
 * commit, built by bench/run.sh compare) that alternates with this tree's as contender {@code ours@REV}.
 */
public final class OurServerOptions {

    /** The contender name of our server as built from this tree. */
    public static final String OURS = "ours";

    @Option(names = "--our-jvm-option", description = "A JVM option for our server; repeatable.")
    public List<String> jvmOptions = new ArrayList<>();

    @Option(names = "--ours-at", paramLabel = "REV=DIR", description = "Also run our server as built in the checkout"
            + " DIR (its ./scratch and server jar) as contender ours@REV, alternating with ours; the anchors then run"
            + " only when --only names them, and docs/benchmarks.md is left alone. Set by bench/run.sh compare.")
    public String oursAt;

    /** One build of our server: its contender name and the environment whose launcher and jar start it. */
    public record Build(String name, BenchEnvironment env) { }

    /** True for this tree's server and for any {@code ours@REV}: both speak our protocol. */
    public static boolean isOurs(String contender) {
        return contender.equals(OURS) || contender.startsWith(OURS + "@");
    }

    /** True when another build of ours is compared with this tree's ({@code --ours-at}). */
    public boolean comparing() {
        return oursAt != null;
    }

    /** {@code ours@REV} from {@code --ours-at REV=DIR}; only meaningful when {@link #comparing()}. */
    public String baselineName() {
        return OURS + "@" + revAndDir()[0];
    }

    /** Our builds in the order they alternate: {@code ours@REV} (with {@code --ours-at}) first, then ours. */
    public List<Build> builds(BenchEnvironment env) {
        List<Build> builds = new ArrayList<>();
        if (comparing()) {
            Path dir = Path.of(revAndDir()[1]);
            BenchEnvironment old = env.withServerFrom(dir);
            old.require(old.serverJar(), "build it in " + dir + " (bench/run.sh compare does)");
            builds.add(new Build(baselineName(), old));
        }
        builds.add(new Build(OURS, env));
        return builds;
    }

    private String[] revAndDir() {
        int equals = oursAt.indexOf('=');
        if (equals <= 0 || equals == oursAt.length() - 1) {
            throw new IllegalArgumentException("--ours-at " + oursAt + ": expected REV=DIR");
        }
        if (!Files.isDirectory(Path.of(oursAt.substring(equals + 1)))) {
            throw new IllegalArgumentException("--ours-at " + oursAt + ": no such folder");
        }
        return new String[] {oursAt.substring(0, equals), oursAt.substring(equals + 1)};
    }
}
