package dev.mvirt.node;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Layers of the agent: cache and daemon clients, then reconcilers, then the API adapter, then the wiring. */
@AnalyzeClasses(packages = "dev.mvirt.node", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule layers = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("cache")
            .definedBy("dev.mvirt.node.cache..")
            .layer("daemon")
            .definedBy("dev.mvirt.node.daemon..")
            .layer("reconcile")
            .definedBy("dev.mvirt.node.reconcile..")
            .layer("api")
            .definedBy("dev.mvirt.node.api..")
            .layer("wiring")
            .definedBy("dev.mvirt.node")
            .whereLayer("wiring")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("api")
            .mayOnlyBeAccessedByLayers("wiring")
            .whereLayer("reconcile")
            .mayOnlyBeAccessedByLayers("api", "wiring")
            .whereLayer("cache")
            .mayOnlyBeAccessedByLayers("reconcile", "api", "wiring")
            .whereLayer("daemon")
            .mayOnlyBeAccessedByLayers("reconcile", "wiring");
}
