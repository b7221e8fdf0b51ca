package dev.mvirt.vmm.seed;

import dev.mvirt.vmm.model.CloudInit;
import dev.mvirt.vmm.model.HypervisorException;
import dev.mvirt.vmm.model.VmId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Builds the seed as an ISO 9660 image labelled {@code cidata} with xorriso (no mount, no root needed). */
public final class XorrisoSeedWriter implements SeedWriter {
    static final String IMAGE = "seed.iso";

    @Override
    public Path write(VmId id, CloudInit cloudInit, Path dir) {
        Path staging = dir.resolve("seed.d");
        Path image = dir.resolve(IMAGE);
        try {
            deleteTree(staging);
            Files.createDirectories(staging);
            for (Map.Entry<String, String> f : NoCloudFiles.of(id, cloudInit).entrySet()) {
                Files.writeString(staging.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
            }
            Files.deleteIfExists(image);
            run(List.of(
                    "xorriso",
                    "-as",
                    "mkisofs",
                    "-quiet",
                    "-output",
                    image.toString(),
                    "-volid",
                    "cidata",
                    "-joliet",
                    "-rock",
                    staging.toString()));
            deleteTree(staging);
            return image;
        } catch (IOException e) {
            throw new HypervisorException("vm " + id + ": cannot write cloud-init seed: " + e.getMessage(), e);
        }
    }

    private static void run(List<String> argv) throws IOException {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException("xorriso failed: " + out.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running xorriso", e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(dir);
    }
}
