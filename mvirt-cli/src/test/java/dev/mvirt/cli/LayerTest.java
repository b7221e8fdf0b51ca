package dev.mvirt.cli;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** client, config, output → command → shell, tui → Main: inner never imports outer; the CLI never imports mvirt-api. */
class LayerTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.mvirt.cli");

    @Test
    void layersOnlyLookInward() {
        layeredArchitecture()
                .consideringAllDependencies()
                .withOptionalLayers(true)
                .layer("Client")
                .definedBy("dev.mvirt.cli.client..")
                .layer("Config")
                .definedBy("dev.mvirt.cli.config..")
                .layer("Output")
                .definedBy("dev.mvirt.cli.output..")
                .layer("Command")
                .definedBy("dev.mvirt.cli.command..")
                .layer("Shell")
                .definedBy("dev.mvirt.cli.shell..")
                .layer("Tui")
                .definedBy("dev.mvirt.cli.tui..")
                .layer("Main")
                .definedBy("dev.mvirt.cli")
                .layer("Api")
                .definedBy("dev.mvirt.api..")
                .whereLayer("Main")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("Shell")
                .mayOnlyBeAccessedByLayers("Main")
                .whereLayer("Tui")
                .mayOnlyBeAccessedByLayers("Main")
                .whereLayer("Command")
                .mayOnlyBeAccessedByLayers("Shell", "Tui", "Main")
                .whereLayer("Config")
                .mayOnlyBeAccessedByLayers("Command", "Tui", "Main")
                .whereLayer("Output")
                .mayOnlyBeAccessedByLayers("Command", "Shell", "Tui", "Main")
                .whereLayer("Api")
                .mayNotBeAccessedByAnyLayer()
                .check(CLASSES);
    }
}
