package gridwatch.gateway.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layering the README promises, kept by the build: data flows one way (source → reading →
 * rule → finding → alert → outbox → uplink), protocol code sits below alerting and operations,
 * and only the command line assembles a running gateway.
 */
@AnalyzeClasses(packages = "gridwatch", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    /** Protocol and ingest code hands readings to a sink; it never reaches into ops, the uplink or the runtime. */
    @ArchTest
    static final ArchRule ingestStaysBelowOpsUplinkAndRuntime = noClasses()
            .that().resideInAPackage("gridwatch.gateway.ingest..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "gridwatch.gateway.ops..", "gridwatch.gateway.uplink..", "gridwatch.gateway.runtime..", "gridwatch.gateway.cli..");

    /** The detection library knows nothing of the gateway that runs it. */
    @ArchTest
    static final ArchRule detectorsNeverImportTheGateway = noClasses()
            .that().resideInAPackage("gridwatch.detectors..")
            .should().dependOnClassesThat().resideInAPackage("gridwatch.gateway..");

    /** Config and device profiles are data: they depend on neither detection nor the gateway. */
    @ArchTest
    static final ArchRule configAndProfilesAreLeaves = noClasses()
            .that().resideInAnyPackage("gridwatch.config..", "gridwatch.profiles..")
            .should().dependOnClassesThat().resideInAnyPackage("gridwatch.gateway..", "gridwatch.detectors..");

    /** Only the command line (and the runtime itself) wires a gateway together. */
    @ArchTest
    static final ArchRule onlyTheCliImportsRuntimeWiring = noClasses()
            .that().resideInAPackage("gridwatch.gateway..")
            .and().resideOutsideOfPackages("gridwatch.gateway.runtime..", "gridwatch.gateway.cli..")
            .should().dependOnClassesThat().resideInAPackage("gridwatch.gateway.runtime..");

    /** Alerting, the pipeline and rules never depend on how alerts travel (the publisher maps alert type to topic). */
    @ArchTest
    static final ArchRule alertingKnowsNoTransport = noClasses()
            .that().resideInAnyPackage("gridwatch.gateway.alert..", "gridwatch.gateway.pipeline..", "gridwatch.gateway.rules..")
            .should().dependOnClassesThat().resideInAnyPackage("gridwatch.gateway.uplink..", "gridwatch.gateway.cli..");

    /** The uplink sends what the outbox holds; it never reaches back into ingest, rules or the pipeline. */
    @ArchTest
    static final ArchRule uplinkDoesNotReachUpstream = noClasses()
            .that().resideInAPackage("gridwatch.gateway.uplink..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "gridwatch.gateway.ingest..", "gridwatch.gateway.rules..", "gridwatch.gateway.pipeline..", "gridwatch.gateway.cli..");

    /** Feature packages do not form cycles. */
    @ArchTest
    static final ArchRule noCyclesBetweenFeatures = slices().matching("gridwatch.gateway.(*)..").should().beFreeOfCycles();
}
