package dev.mvirt.vmm.service;

import dev.mvirt.common.FileTrees;
import dev.mvirt.vmm.model.HypervisorException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Directory chores for VM run directories; failures name the path. */
final class Files2 {
    private Files2() {}

    static Path createDirs(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new HypervisorException("cannot create " + dir + ": " + e.getMessage(), e);
        }
    }

    static void deleteTree(Path dir) {
        try {
            FileTrees.delete(dir);
        } catch (IOException e) {
            throw new HypervisorException("cannot delete " + dir + ": " + e.getMessage(), e);
        }
    }
}
