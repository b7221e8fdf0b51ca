package dev.mvirt.vmm;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** model → adapters (hypervisor, seed, console, store) → service → grpc → Main: inner never imports outer. */
class LayerTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.mvirt.vmm");

    @Test
    void layersOnlyLookInward() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("Model")
                .definedBy("dev.mvirt.vmm.model..")
                .layer("Hypervisor")
                .definedBy("dev.mvirt.vmm.hypervisor..")
                .layer("Seed")
                .definedBy("dev.mvirt.vmm.seed..")
                .layer("Console")
                .definedBy("dev.mvirt.vmm.console..")
                .layer("Store")
                .definedBy("dev.mvirt.vmm.store..")
                .layer("Service")
                .definedBy("dev.mvirt.vmm.service..")
                .layer("Grpc")
                .definedBy("dev.mvirt.vmm.grpc..")
                .layer("Main")
                .definedBy("dev.mvirt.vmm")
                .whereLayer("Main")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("Grpc")
                .mayOnlyBeAccessedByLayers("Main")
                .whereLayer("Service")
                .mayOnlyBeAccessedByLayers("Grpc", "Main")
                .whereLayer("Store")
                .mayOnlyBeAccessedByLayers("Service", "Main")
                .whereLayer("Console")
                .mayOnlyBeAccessedByLayers("Service", "Grpc", "Main")
                .whereLayer("Seed")
                .mayOnlyBeAccessedByLayers("Service", "Main")
                .whereLayer("Hypervisor")
                .mayOnlyBeAccessedByLayers("Service", "Grpc", "Main")
                .check(CLASSES);
    }
}
