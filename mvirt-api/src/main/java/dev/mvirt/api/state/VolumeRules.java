package dev.mvirt.api.state;

import dev.mvirt.api.model.Check;
import dev.mvirt.api.model.Kind;
import dev.mvirt.api.model.Resource;
import dev.mvirt.api.model.Snapshot;
import dev.mvirt.api.model.VmSpec;
import dev.mvirt.api.model.VolumeSpec;
import dev.mvirt.api.model.VolumeStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Volume snapshots and rollback, as desired state the host carries out. */
final class VolumeRules {
    private VolumeRules() {}

    static Result snapshot(Tx tx, Command.CreateSnapshot c) {
        return withVolume(
                tx,
                c.volumeId(),
                v -> Rules.invalid(Check.name("snapshot", c.snapshot())).orElseGet(() -> {
                    if (v.spec().hasSnapshot(c.snapshot())) {
                        return Rules.conflict(
                                "snapshot_exists", "volume " + v.name() + " has a snapshot " + c.snapshot());
                    }
                    if (v.spec().snapshots().size() >= 256) {
                        return Rules.conflict("too_many_snapshots", "volume " + v.name() + " has 256 snapshots");
                    }
                    List<Snapshot> list = new ArrayList<>(v.spec().snapshots());
                    list.add(new Snapshot(c.snapshot(), tx.now()));
                    return new Result.Ok(tx.put(v.withSpec(v.spec().withSnapshots(list), tx.index)));
                }));
    }

    static Result deleteSnapshot(Tx tx, Command.DeleteSnapshot c) {
        return withVolume(tx, c.volumeId(), v -> {
            if (!v.spec().hasSnapshot(c.snapshot())) {
                return new Result.NotFound(Kind.VOLUME, v.id() + "@" + c.snapshot());
            }
            List<Snapshot> list = v.spec().snapshots().stream()
                    .filter(s -> !s.name().equals(c.snapshot()))
                    .toList();
            return new Result.Ok(tx.put(v.withSpec(v.spec().withSnapshots(list), tx.index)));
        });
    }

    static Result rollback(Tx tx, Command.RollbackVolume c) {
        return withVolume(tx, c.volumeId(), v -> {
            if (!v.spec().hasSnapshot(c.snapshot())) {
                return new Result.NotFound(Kind.VOLUME, v.id() + "@" + c.snapshot());
            }
            Optional<Result> running = VmRefs.userOf(tx.view(), v.id())
                    .filter(vm -> vm.spec().desired() == VmSpec.DesiredState.RUNNING)
                    .map(vm -> Rules.conflict("volume_in_use", "stop VM " + vm.name() + " before a rollback"));
            if (running.isPresent()) {
                return running.get();
            }
            // snapshots newer than the target go, as zfs rollback -r does
            int idx = indexOf(v.spec().snapshots(), c.snapshot());
            List<Snapshot> kept = v.spec().snapshots().subList(0, idx + 1);
            VolumeSpec next = v.spec().withSnapshots(kept).withRollback(c.snapshot());
            return new Result.Ok(tx.put(v.withSpec(next, tx.index)));
        });
    }

    private static int indexOf(List<Snapshot> list, String name) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static Result withVolume(Tx tx, String id, Function<Resource<VolumeSpec, VolumeStatus>, Result> f) {
        Rules.Lookup<Resource<VolumeSpec, VolumeStatus>> found = Rules.find(tx, Kind.VOLUME, id);
        if (found instanceof Rules.Lookup.Missing<Resource<VolumeSpec, VolumeStatus>> m) {
            return m.result();
        }
        return f.apply(((Rules.Lookup.Found<Resource<VolumeSpec, VolumeStatus>>) found).value());
    }
}
