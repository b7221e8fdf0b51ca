package dev.mvirt.log;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** model (pure) ← store ← service ← grpc ← Main: each layer only imports the ones before it. */
@AnalyzeClasses(packages = "dev.mvirt.log", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule layers = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("Model")
            .definedBy("dev.mvirt.log.model..")
            .layer("Store")
            .definedBy("dev.mvirt.log.store..")
            .layer("Service")
            .definedBy("dev.mvirt.log.service..")
            .layer("Grpc")
            .definedBy("dev.mvirt.log.grpc..")
            .layer("Main")
            .definedBy("dev.mvirt.log")
            .whereLayer("Main")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("Grpc")
            .mayOnlyBeAccessedByLayers("Main")
            .whereLayer("Service")
            .mayOnlyBeAccessedByLayers("Grpc", "Main")
            .whereLayer("Store")
            .mayOnlyBeAccessedByLayers("Service", "Grpc", "Main")
            .whereLayer("Model")
            .mayOnlyBeAccessedByLayers("Store", "Service", "Grpc", "Main");

    @ArchTest
    static final ArchRule modelIsPure = com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses()
            .that()
            .resideInAPackage("dev.mvirt.log.model..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "java.sql..", "java.io..", "java.nio..", "io.grpc..", "dev.mvirt.proto..", "org.slf4j..");
}
