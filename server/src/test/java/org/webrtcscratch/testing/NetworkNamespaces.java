package org.webrtcscratch.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * Two network namespaces joined by veth pairs to a bridge on the host, whose UDP can be cut and
 * restored: a network path that breaks for real, for browser tests of ICE restart.
 *
 * <pre>
 *   host: bridge scrbr{pid} 198.51.100.1/24
 *     ├─ veth ─ namespace scrns{pid}a  198.51.100.2/24
 *     └─ veth ─ namespace scrns{pid}b  198.51.100.3/24
 * </pre>
 *
 * The addresses are TEST-NET-2 (RFC 5737), which no real network uses. Each namespace has its default
 * route via the bridge and IPv6 off, so every ICE candidate is on the bridge. Only these namespaces and
 * this bridge are ever touched; {@link #dropUdp} changes nothing outside its namespace.
 *
 * <p>Needs root (CAP_NET_ADMIN and CAP_SYS_ADMIN), iproute2 and nftables. Where they are missing the
 * test is skipped, except on CI (env {@code CI=true}) where that is a failure. Every run on one machine
 * uses the same subnet, so runs take turns through a lock file; names carry the PID of their run, and
 * {@link #create} first removes what a crashed run left behind.
 */
public final class NetworkNamespaces implements AutoCloseable {

    /** One namespace and its address on the bridge. */
    public record Namespace(String name, String address) {
    }

    private static final String BRIDGE_ADDRESS = "198.51.100.1";
    private static final int PREFIX_LENGTH = 24;
    private static final String NAME_PREFIX = "scr";
    private static final Pattern LEFTOVER_NAMESPACE = Pattern.compile("^(" + NAME_PREFIX + "ns\\d+[ab])\\b");
    private static final Pattern LEFTOVER_BRIDGE = Pattern.compile("^\\d+: (" + NAME_PREFIX + "br\\d+)[:@]");
    private static final Path LOCK_FILE = Path.of(System.getProperty("java.io.tmpdir"), "webrtc-scratch-netns.lock");
    private static final long LOCK_WAIT_MS = 180_000;
    private static final long COMMAND_TIMEOUT_S = 15;
    private static final long CAP_NET_ADMIN = 1L << 12;
    private static final long CAP_SYS_ADMIN = 1L << 21;
    /** nftables table holding the drop rules; deleting it restores the path. */
    private static final String BREAK_TABLE = "netbreak";
    private static final String DROP_UDP = """
            table inet %s {
              chain input { type filter hook input priority 0; policy accept; meta l4proto udp drop; }
              chain output { type filter hook output priority 0; policy accept; meta l4proto udp drop; }
            }
            """.formatted(BREAK_TABLE);

    private final FileChannel lockFile;
    private final long pid = ProcessHandle.current().pid();
    private final String bridge;
    private final Namespace a;
    private final Namespace b;
    private final List<String> namespacesMade = new ArrayList<>();
    private boolean bridgeMade;

    private NetworkNamespaces(FileChannel lockFile) {
        this.lockFile = lockFile;
        this.bridge = NAME_PREFIX + "br" + pid;
        this.a = new Namespace(NAME_PREFIX + "ns" + pid + "a", "198.51.100.2");
        this.b = new Namespace(NAME_PREFIX + "ns" + pid + "b", "198.51.100.3");
    }

    /**
     * Sets up the bridge and both namespaces, or skips the calling test where this machine does not
     * allow it (fails instead on CI). Close it to remove them all and release the lock.
     */
    public static NetworkNamespaces create() {
        requireCapabilities();
        requireTools();
        NetworkNamespaces net = new NetworkNamespaces(lock());
        try {
            net.removeLeftovers();
            net.build();
            return net;
        } catch (RuntimeException | Error e) {
            net.close();
            throw e;
        }
    }

    public String bridgeAddress() {
        return BRIDGE_ADDRESS;
    }

    public Namespace a() {
        return a;
    }

    public Namespace b() {
        return b;
    }

    /** Drops every UDP packet into and out of {@code ns}; TCP (signaling) goes on. */
    public void dropUdp(Namespace ns) {
        run(DROP_UDP, "ip", "netns", "exec", ns.name(), "nft", "-f", "-");
    }

    /** Undoes {@link #dropUdp}; does nothing if UDP is not dropped. */
    public void healUdp(Namespace ns) {
        if (run(null, "ip", "netns", "exec", ns.name(), "nft", "list", "tables").contains(BREAK_TABLE)) {
            run(null, "ip", "netns", "exec", ns.name(), "nft", "delete", "table", "inet", BREAK_TABLE);
        }
    }

    /** Deletes both namespaces (which takes their veth pairs along) and the bridge, then releases the lock. */
    @Override
    public void close() {
        List<RuntimeException> problems = new ArrayList<>();
        for (String ns : namespacesMade.reversed()) {
            tryRun(problems, "ip", "netns", "delete", ns);
        }
        namespacesMade.clear();
        if (bridgeMade) {
            tryRun(problems, "ip", "link", "delete", bridge);
            bridgeMade = false;
        }
        try {
            lockFile.close();
        } catch (IOException e) {
            problems.add(new UncheckedIOException(e));
        }
        if (!problems.isEmpty()) {
            IllegalStateException failure = new IllegalStateException("network namespaces not fully removed");
            problems.forEach(failure::addSuppressed);
            throw failure;
        }
    }

    private void build() {
        try {
            run(null, "ip", "netns", "add", a.name());
        } catch (IllegalStateException e) {
            skipOrFail("cannot create a network namespace: " + e.getMessage());
        }
        namespacesMade.add(a.name());
        run(null, "ip", "link", "add", bridge, "type", "bridge", "nf_call_iptables", "0", "nf_call_ip6tables", "0");
        bridgeMade = true;
        run(null, "ip", "addr", "add", BRIDGE_ADDRESS + "/" + PREFIX_LENGTH, "dev", bridge);
        run(null, "ip", "link", "set", bridge, "up");
        attach(a, "a");
        run(null, "ip", "netns", "add", b.name());
        namespacesMade.add(b.name());
        attach(b, "b");
    }

    /** Turns IPv6 off in {@code ns} and joins it to the bridge by a veth pair. */
    private void attach(Namespace ns, String side) {
        // Off before the veth arrives, so that it never gets a link-local address.
        run(null, "ip", "netns", "exec", ns.name(), "sysctl", "-q", "-w",
                "net.ipv6.conf.all.disable_ipv6=1", "net.ipv6.conf.default.disable_ipv6=1");
        String hostEnd = NAME_PREFIX + "v" + pid + side;
        String nsEnd = NAME_PREFIX + "p" + pid + side;
        run(null, "ip", "link", "add", hostEnd, "type", "veth", "peer", "name", nsEnd, "netns", ns.name());
        run(null, "ip", "link", "set", hostEnd, "master", bridge, "up");
        run(null, "ip", "-n", ns.name(), "link", "set", "lo", "up");
        run(null, "ip", "-n", ns.name(), "addr", "add", ns.address() + "/" + PREFIX_LENGTH, "dev", nsEnd);
        run(null, "ip", "-n", ns.name(), "link", "set", nsEnd, "up");
        run(null, "ip", "-n", ns.name(), "route", "add", "default", "via", BRIDGE_ADDRESS);
    }

    /**
     * Removes namespaces and bridges of earlier runs. Whoever holds the lock is the only run using them,
     * so whatever exists now was left behind by a run that crashed.
     */
    private void removeLeftovers() {
        for (String line : run(null, "ip", "netns", "list").lines().toList()) {
            Matcher m = LEFTOVER_NAMESPACE.matcher(line);
            if (m.find()) {
                run(null, "ip", "netns", "delete", m.group(1));
            }
        }
        for (String line : run(null, "ip", "-o", "link", "show", "type", "bridge").lines().toList()) {
            Matcher m = LEFTOVER_BRIDGE.matcher(line);
            if (m.find()) {
                run(null, "ip", "link", "delete", m.group(1));
            }
        }
    }

    /** CAP_NET_ADMIN and CAP_SYS_ADMIN ({@code linux/capability.h}), in the effective set of this process. */
    private static void requireCapabilities() {
        String effective;
        try {
            effective = Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("CapEff:")).map(line -> line.substring(7).strip())
                    .findFirst().orElse("0");
        } catch (IOException e) {
            effective = "0";
        }
        long capabilities = Long.parseUnsignedLong(effective, 16);
        if ((capabilities & CAP_NET_ADMIN) == 0 || (capabilities & CAP_SYS_ADMIN) == 0) {
            skipOrFail("network namespaces need CAP_NET_ADMIN and CAP_SYS_ADMIN (root); this process has CapEff "
                    + effective);
        }
    }

    private static void requireTools() {
        for (String tool : List.of("ip", "nft", "sysctl")) {
            try {
                run(null, tool, "-V");
            } catch (IllegalStateException e) {
                skipOrFail(tool + " is not usable here (apt-get install iproute2 nftables procps): " + e.getMessage());
            }
        }
    }

    private static FileChannel lock() {
        try {
            FileChannel channel = FileChannel.open(LOCK_FILE, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            long deadline = System.currentTimeMillis() + LOCK_WAIT_MS;
            while (System.currentTimeMillis() < deadline) {
                if (channel.tryLock() != null) {
                    return channel;
                }
                Thread.sleep(500);
            }
            channel.close();
            throw new IllegalStateException("another run has held " + LOCK_FILE + " for " + LOCK_WAIT_MS / 1000
                    + " s; its network namespaces use the same subnet as ours");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + LOCK_FILE, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + LOCK_FILE, e);
        }
    }

    private static void skipOrFail(String why) {
        if ("true".equals(System.getenv("CI"))) {
            fail(why + "; on CI the network namespace tests must run");
        }
        Assumptions.abort("network namespace tests skipped: " + why);
    }

    private static void tryRun(List<RuntimeException> problems, String... command) {
        try {
            run(null, command);
        } catch (RuntimeException e) {
            problems.add(e);
        }
    }

    /** Runs {@code command} with {@code input} (may be null) on stdin; returns stdout and stderr together. */
    private static String run(String input, String... command) {
        String shown = String.join(" ", command);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (var stdin = process.getOutputStream()) {
                if (input != null) {
                    stdin.write(input.getBytes(StandardCharsets.UTF_8));
                }
            }
            // Output is a few lines at most, far below the pipe buffer, so reading after the exit cannot block it.
            if (!process.waitFor(COMMAND_TIMEOUT_S, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("`" + shown + "` did not finish within " + COMMAND_TIMEOUT_S + " s");
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (process.exitValue() != 0) {
                throw new IllegalStateException("`" + shown + "` exited " + process.exitValue() + ": " + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("`" + shown + "` could not run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running `" + shown + "`", e);
        }
    }
}
