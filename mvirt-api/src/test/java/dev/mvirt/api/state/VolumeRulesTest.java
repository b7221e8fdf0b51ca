package dev.mvirt.api.state;

import static dev.mvirt.api.state.Fixtures.assertConflict;
import static dev.mvirt.api.state.Fixtures.assertInvalid;
import static dev.mvirt.api.state.Fixtures.assertNotFound;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mvirt.api.model.Resource;
import dev.mvirt.api.model.Snapshot;
import dev.mvirt.api.model.VmSpec.DesiredState;
import dev.mvirt.api.model.VmSpec.StopMode;
import dev.mvirt.api.model.VolumeSpec;
import org.junit.jupiter.api.Test;

class VolumeRulesTest {
    private final Fixtures f = new Fixtures();

    @Test
    void snapshotsAreDesiredStateWithTheCommandTime() {
        var node = f.node(8, 16);
        var vol = f.volume(node.id(), 1);
        Resource<VolumeSpec, ?> a = f.ok(new Command.CreateSnapshot(vol.id(), "before-upgrade"));
        assertThat(a.spec().snapshots()).containsExactly(new Snapshot("before-upgrade", Fixtures.T0));
        f.advance(1000);
        Resource<VolumeSpec, ?> b = f.ok(new Command.CreateSnapshot(vol.id(), "after"));
        assertThat(b.spec().snapshots())
                .containsExactly(
                        new Snapshot("before-upgrade", Fixtures.T0), new Snapshot("after", Fixtures.T0 + 1000));
        assertConflict(f.reject(new Command.CreateSnapshot(vol.id(), "after")), "snapshot_exists");
        assertInvalid(f.reject(new Command.CreateSnapshot(vol.id(), "../x")), "snapshot");
        assertInvalid(f.reject(new Command.CreateSnapshot(vol.id(), "-x")), "snapshot");
        assertNotFound(f.reject(new Command.CreateSnapshot(Fixtures.uuid(999), "s")));
    }

    @Test
    void deleteSnapshotRemovesOnlyThatOne() {
        var node = f.node(8, 16);
        var vol = f.volume(node.id(), 1);
        f.ok(new Command.CreateSnapshot(vol.id(), "a"));
        f.ok(new Command.CreateSnapshot(vol.id(), "b"));
        Resource<VolumeSpec, ?> r = f.ok(new Command.DeleteSnapshot(vol.id(), "a"));
        assertThat(r.spec().snapshots()).extracting(Snapshot::name).containsExactly("b");
        assertNotFound(f.reject(new Command.DeleteSnapshot(vol.id(), "a")));
        assertNotFound(f.reject(new Command.DeleteSnapshot(Fixtures.uuid(999), "b")));
    }

    @Test
    void rollbackDropsNewerSnapshotsAndBumpsTheGeneration() {
        var node = f.node(8, 16);
        var vol = f.volume(node.id(), 1);
        f.ok(new Command.CreateSnapshot(vol.id(), "a"));
        f.ok(new Command.CreateSnapshot(vol.id(), "b"));
        f.ok(new Command.CreateSnapshot(vol.id(), "c"));
        Resource<VolumeSpec, ?> r = f.ok(new Command.RollbackVolume(vol.id(), "b"));
        assertThat(r.spec().snapshots()).extracting(Snapshot::name).containsExactly("a", "b");
        assertThat(r.spec().rollbackTo()).isEqualTo("b");
        assertThat(r.spec().rollbackGeneration()).isEqualTo(1);
        Resource<VolumeSpec, ?> again = f.ok(new Command.RollbackVolume(vol.id(), "b"));
        assertThat(again.spec().rollbackGeneration()).isEqualTo(2);
        assertNotFound(f.reject(new Command.RollbackVolume(vol.id(), "c")));
    }

    @Test
    void rollbackWaitsForTheVmToBeStopped() {
        var node = f.node(8, 16);
        var vol = f.volume(node.id(), 1);
        f.ok(new Command.CreateSnapshot(vol.id(), "a"));
        var vm = f.vm(Fixtures.vmSpec(1, 512).bootVolume(vol.id()).build());
        assertConflict(f.reject(new Command.RollbackVolume(vol.id(), "a")), "volume_in_use");
        f.ok(new Command.SetVmPower(vm.id(), DesiredState.STOPPED, StopMode.GRACEFUL, 0));
        f.ok(new Command.RollbackVolume(vol.id(), "a"));
    }
}
