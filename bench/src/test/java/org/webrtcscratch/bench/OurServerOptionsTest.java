package org.webrtcscratch.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.webrtcscratch.bench.AlternatingRounds.Contender;
import org.webrtcscratch.bench.process.BenchEnvironment;

class OurServerOptionsTest {

    private static final List<Contender> CONTENDERS = List.of(new Contender("coturn", () -> null),
            new Contender("ours@abc1234", () -> null), new Contender("ours", () -> null), new Contender("udp-echo", () -> null));

    private static List<String> names(List<Contender> contenders) {
        return contenders.stream().map(Contender::name).toList();
    }

    @Test
    void withoutOnlyAllRunAndComparingLeavesTheAnchorsOut() {
        CommonOptions common = new CommonOptions();
        assertThat(names(common.select(CONTENDERS))).containsExactly("coturn", "ours@abc1234", "ours", "udp-echo");
        common.ours.oursAt = "abc1234=/somewhere";
        assertThat(names(common.select(CONTENDERS))).containsExactly("ours@abc1234", "ours");
    }

    @Test
    void onlyKeepsTheContendersOrderAndRejectsUnknownNames() {
        CommonOptions common = new CommonOptions();
        common.ours.oursAt = "abc1234=/somewhere";
        common.only = List.of("ours", "coturn", "ours@abc1234");
        assertThat(names(common.select(CONTENDERS))).containsExactly("coturn", "ours@abc1234", "ours");
        common.only = List.of("peerjs");
        assertThatThrownBy(() -> common.select(CONTENDERS)).hasMessageContaining("--only peerjs");
    }

    @Test
    void oursAtAddsTheOldBuildFirstFromItsOwnCheckout(@TempDir Path old) throws Exception {
        Files.createDirectories(old.resolve("server/target"));
        Files.writeString(old.resolve("server/target/webrtc-scratch.jar"), "");
        BenchEnvironment env = BenchEnvironment.of(Path.of("."));
        OurServerOptions ours = new OurServerOptions();
        assertThat(ours.builds(env)).extracting(OurServerOptions.Build::name).containsExactly("ours");

        ours.oursAt = "abc1234=" + old;
        List<OurServerOptions.Build> builds = ours.builds(env);
        assertThat(builds).extracting(OurServerOptions.Build::name).containsExactly("ours@abc1234", "ours");
        assertThat(builds.getFirst().env().launcher()).isEqualTo(old.toAbsolutePath().normalize().resolve("scratch"));
        assertThat(builds.getFirst().env().workDir()).isEqualTo(env.workDir());
        assertThat(builds.get(1).env()).isEqualTo(env);
    }

    @Test
    void oursAtNeedsARevisionAndAFolder() {
        OurServerOptions ours = new OurServerOptions();
        BenchEnvironment env = BenchEnvironment.of(Path.of("."));
        ours.oursAt = "/no/revision";
        assertThatThrownBy(() -> ours.builds(env)).hasMessageContaining("REV=DIR");
        ours.oursAt = "abc=/no/such/folder";
        assertThatThrownBy(() -> ours.builds(env)).hasMessageContaining("no such folder");
    }

    @Test
    void everyBuildOfOursSpeaksOurProtocol() {
        assertThat(OurServerOptions.isOurs("ours")).isTrue();
        assertThat(OurServerOptions.isOurs("ours@HEAD~1")).isTrue();
        assertThat(OurServerOptions.isOurs("oursx")).isFalse();
        assertThat(OurServerOptions.isOurs("peerjs")).isFalse();
    }
}
