package dev.mvirt.vmm.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mvirt.vmm.model.AlreadyExistsException;
import dev.mvirt.vmm.model.CloudInit;
import dev.mvirt.vmm.model.DirectBoot;
import dev.mvirt.vmm.model.DiskFormat;
import dev.mvirt.vmm.model.DiskSpec;
import dev.mvirt.vmm.model.NicSpec;
import dev.mvirt.vmm.model.Phase;
import dev.mvirt.vmm.model.ProcessRef;
import dev.mvirt.vmm.model.Vm;
import dev.mvirt.vmm.model.VmId;
import dev.mvirt.vmm.model.VmSpec;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VmStoreTest {
    @TempDir
    Path tmp;

    @Test
    void aVmRoundTripsThroughAReopenedStore() {
        VmSpec spec = new VmSpec(
                "web",
                2,
                512,
                Optional.of(new DirectBoot(Path.of("/i/k"), Optional.of(Path.of("/i/r")), "console=ttyS0")),
                List.of(new DiskSpec(Path.of("/i/d.qcow2"), DiskFormat.QCOW2, true)),
                List.of(new NicSpec("tap0", "52:54:00:00:00:01")),
                Optional.of(new CloudInit("web", "#cloud-config\n", List.of("ssh-ed25519 AAA"), "version: 2\n")));
        Vm vm = new Vm(
                new VmId("vm-1"),
                spec,
                Phase.RUNNING,
                "running",
                Optional.of(new ProcessRef(4242, 1700000000000L, tmp.resolve("run"))),
                "qemu",
                Instant.ofEpochMilli(1000),
                Instant.ofEpochMilli(2000));
        try (VmStore store = new VmStore(tmp.resolve("vmm.db"))) {
            store.insert(vm);
            assertThatThrownBy(() -> store.insert(vm)).isInstanceOf(AlreadyExistsException.class);
        }
        try (VmStore store = new VmStore(tmp.resolve("vmm.db"))) {
            assertThat(store.get(vm.id())).contains(vm);
            Vm stopped = vm.withPhase(Phase.STOPPED, "stopped", Optional.empty(), Instant.ofEpochMilli(3000));
            store.update(stopped);
            assertThat(store.list()).containsExactly(stopped);
            store.delete(vm.id());
            assertThat(store.list()).isEmpty();
        }
    }
}
