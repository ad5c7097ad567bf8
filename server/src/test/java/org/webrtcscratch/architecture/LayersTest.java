package org.webrtcscratch.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The server's packages depend one way (docs/architecture.md draws the layers). Java, unlike Go, accepts
 * import cycles, so these rules refuse them, and keep the codecs pure and the protocol logic free of I/O.
 */
@AnalyzeClasses(packages = "org.webrtcscratch", importOptions = ImportOption.DoNotIncludeTests.class)
class LayersTest {

    /** The Java standard library minus its I/O, for the codecs' "bytes in, values out". */
    private static final String[] PURE_JAVA = {"java.lang..", "java.util..", "java.nio", "java.nio.charset..",
        "java.net", "java.time..", "java.math..", "java.security..", "javax.crypto..", "java.text.."};

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

    @ArchTest
    static final ArchRule netIsTheBottom = classes().that().resideInAPackage("org.webrtcscratch.net..")
            .should().onlyDependOnClassesThat().resideOutsideOfPackages("org.webrtcscratch..")
            .orShould().dependOnClassesThat().resideInAPackage("org.webrtcscratch.net..");

    @ArchTest
    static final ArchRule onlyTheCommandLineStartsTheServer = noClasses()
            .that().resideOutsideOfPackages("org.webrtcscratch", "org.webrtcscratch.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("org.webrtcscratch", "org.webrtcscratch.cli..");

    private static String[] with(String[] base, String... more) {
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }
}
