package dev.mvirt.bench;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;

/** history (pure) ← check (pure) ← client, cluster ← load, robust ← entry points; the checker does no I/O. */
@AnalyzeClasses(packages = "dev.mvirt.bench", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule layers = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .withOptionalLayers(true)
            .layer("History")
            .definedBy("dev.mvirt.bench.history..")
            .layer("Check")
            .definedBy("dev.mvirt.bench.check..")
            .layer("Adapters")
            .definedBy("dev.mvirt.bench.client..", "dev.mvirt.bench.cluster..")
            .layer("Runs")
            .definedBy("dev.mvirt.bench.load..", "dev.mvirt.bench.robust..")
            .layer("Main")
            .definedBy("dev.mvirt.bench")
            .whereLayer("Main")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("Runs")
            .mayOnlyBeAccessedByLayers("Main", "Runs")
            .whereLayer("Adapters")
            .mayOnlyBeAccessedByLayers("Runs", "Main", "Adapters")
            .whereLayer("Check")
            .mayOnlyBeAccessedByLayers("Runs", "Main")
            .whereLayer("History")
            .mayOnlyBeAccessedByLayers("Check", "Adapters", "Runs", "Main");

    @ArchTest
    static final ArchRule checkerIsPure = ArchRuleDefinition.noClasses()
            .that()
            .resideInAnyPackage("dev.mvirt.bench.history..", "dev.mvirt.bench.check..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("java.io..", "java.nio..", "java.net..", "org.slf4j..", "dev.mvirt.api..");
}
