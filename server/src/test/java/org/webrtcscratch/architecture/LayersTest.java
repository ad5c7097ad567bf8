package org.webrtcscratch.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The server's packages depend one way (docs/architecture.md draws the layers). Java, unlike Go, accepts
 * import cycles, so these rules refuse them, and keep the codecs pure and the protocol logic free of I/O.
 */
@AnalyzeClasses(packages = "org.webrtcscratch", importOptions = ImportOption.DoNotIncludeTests.class)
class LayersTest {

    private static final String ROOT = "org.webrtcscratch";

    /** The Java standard library minus its I/O, for the codecs' "bytes in, values out". */
    private static final String[] PURE_JAVA = {"java.lang..", "java.util..", "java.nio", "java.nio.charset..",
        "java.net", "java.time..", "java.math..", "java.security..", "javax.crypto..", "java.text.."};

    /**
     * docs/architecture.md's drawing, read left to right and top to bottom: each package may use only those
     * after it. A new package must be placed here (and in the drawing) before it can be used.
     */
    static final List<String> ORDER = List.of(
            "cli", "", "http", "config", "metrics", "tls",
            "websocket", "backstage", "signaling", "turn", "turn.transport", "turn.server",
            "iceservers", "turn.auth", "turn.allocation", "turn.policy", "turn.event",
            "turn.proto", "stun", "stun.attr", "stun.header",
            "net");

    @ArchTest
    static void everyPackageDependsOnlyOnThoseAfterIt(JavaClasses classes) {
        for (int i = 1; i < ORDER.size(); i++) {
            String[] before = ORDER.subList(0, i).stream().map(LayersTest::packageName).toArray(String[]::new);
            noClasses().that().resideInAPackage(packageName(ORDER.get(i)))
                    .should().dependOnClassesThat().resideInAnyPackage(before)
                    .because("docs/architecture.md's layers point one way")
                    .check(classes);
        }
    }

    @ArchTest
    static void everyPackageHasItsPlace(JavaClasses classes) {
        Set<String> placed = ORDER.stream().map(LayersTest::packageName).collect(Collectors.toSet());
        Set<String> unplaced = classes.stream().map(JavaClass::getPackageName)
                .filter(name -> !placed.contains(name)).collect(Collectors.toCollection(TreeSet::new));
        assertThat(unplaced).as("packages missing from LayersTest.ORDER and docs/architecture.md").isEmpty();
    }

    private static String packageName(String relative) {
        return relative.isEmpty() ? ROOT : ROOT + "." + relative;
    }

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.webrtcscratch.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule stunCodecIsPure = classes().that().resideInAPackage("org.webrtcscratch.stun..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(with(PURE_JAVA, "org.webrtcscratch.stun.."));

    @ArchTest
    static final ArchRule stunAttributesSitBelowMessages = noClasses()
            .that().resideInAnyPackage("org.webrtcscratch.stun.attr..", "org.webrtcscratch.stun.header..")
            .should().dependOnClassesThat().resideInAPackage("org.webrtcscratch.stun");

    @ArchTest
    static final ArchRule turnCodecIsPure = classes().that().resideInAPackage("org.webrtcscratch.turn.proto..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage(with(PURE_JAVA, "org.webrtcscratch.stun..", "org.webrtcscratch.turn.proto.."));

    /** The frames and handshake; the classes named WebSocket* are the Jetty shell and its interfaces. */
    @ArchTest
    static final ArchRule webSocketCodecIsPure = classes().that().resideInAPackage("org.webrtcscratch.websocket")
            .and().haveNameNotMatching("org\\.webrtcscratch\\.websocket\\.WebSocket\\w*(\\$.*)?")
            .should().onlyDependOnClassesThat().resideInAnyPackage(with(PURE_JAVA, "org.webrtcscratch.websocket"));

    @ArchTest
    static final ArchRule signalingKnowsNoHttp = noClasses().that().resideInAPackage("org.webrtcscratch.signaling..")
            .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.eclipse.jetty..", "jakarta..",
                    "org.webrtcscratch.http..", "org.webrtcscratch.websocket..", "org.webrtcscratch.turn..");

    @ArchTest
    static final ArchRule turnStandsAlone = noClasses().that().resideInAPackage("org.webrtcscratch.turn..")
            .should().dependOnClassesThat().resideInAnyPackage("org.webrtcscratch.signaling..",
                    "org.webrtcscratch.http..", "org.webrtcscratch.websocket..", "org.webrtcscratch.config..",
                    "org.webrtcscratch.iceservers..", "org.webrtcscratch.metrics..", "org.webrtcscratch.cli..",
                    "io.javalin..", "org.eclipse.jetty..");

    private static String[] with(String[] base, String... more) {
        String[] all = Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }
}
