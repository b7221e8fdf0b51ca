package dev.mvirt.node.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mvirt.proto.node.v1.DesiredResource;
import dev.mvirt.proto.node.v1.NetworkDesired;
import dev.mvirt.proto.node.v1.NicDesired;
import dev.mvirt.proto.node.v1.ResourceKind;
import dev.mvirt.proto.node.v1.SpecUpdate;
import dev.mvirt.proto.node.v1.VmDesired;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DesiredCacheTest {
    final List<String> log = new ArrayList<>();
    final AppliedLog recorder = new AppliedLog() {
        @Override
        public void applied(Key key, long revision) {
            log.add(key + "@" + revision);
        }

        @Override
        public void removed(Key key) {
            log.add("-" + key);
        }
    };

    static DesiredResource vm(String id, long rev, boolean running) {
        return DesiredResource.newBuilder()
                .setKey(new Key(ResourceKind.RESOURCE_KIND_VM, id).proto())
                .setRevision(rev)
                .setVm(VmDesired.newBuilder().setVcpus(1).setRunning(running))
                .build();
    }

    static DesiredResource nic(String id, long rev, String network) {
        return DesiredResource.newBuilder()
                .setKey(new Key(ResourceKind.RESOURCE_KIND_NIC, id).proto())
                .setRevision(rev)
                .setNic(NicDesired.newBuilder().setNetwork(network))
                .build();
    }

    static DesiredResource network(String id, long rev) {
        return DesiredResource.newBuilder()
                .setKey(new Key(ResourceKind.RESOURCE_KIND_NETWORK, id).proto())
                .setRevision(rev)
                .setNetwork(NetworkDesired.newBuilder().setIpv4Cidr("10.0.0.0/24"))
                .build();
    }

    @Test
    void oldOrRepeatedUpsertsAreIgnoredAndSnapshotsReplace() {
        DesiredCache c = DesiredCache.inMemory(recorder);
        assertThat(c.apply(SpecUpdate.newBuilder()
                        .setRevision(5)
                        .setSnapshot(true)
                        .addUpserts(vm("a", 3, true))
                        .addUpserts(vm("b", 4, true))
                        .build()))
                .hasSize(2);
        assertThat(c.apply(SpecUpdate.newBuilder()
                        .setRevision(6)
                        .addUpserts(vm("a", 3, false))
                        .build()))
                .as("same revision: already held")
                .isEmpty();
        assertThat(c.apply(SpecUpdate.newBuilder()
                        .setRevision(7)
                        .addUpserts(vm("a", 7, true))
                        .build()))
                .as("newer revision, same spec: taken, nothing to reconcile")
                .isEmpty();
        assertThat(c.apply(SpecUpdate.newBuilder()
                        .setRevision(9)
                        .setSnapshot(true)
                        .addUpserts(vm("a", 8, false))
                        .build()))
                .containsExactlyInAnyOrder(
                        new Key(ResourceKind.RESOURCE_KIND_VM, "a"), new Key(ResourceKind.RESOURCE_KIND_VM, "b"));
        assertThat(c.revision()).isEqualTo(9);
        assertThat(log).containsExactly("vm/a@3", "vm/b@4", "vm/a@7", "-vm/b", "vm/a@8");
    }

    @Test
    void networksGoWithTheLastNicThatUsesThem() {
        DesiredCache c = DesiredCache.inMemory(recorder);
        c.apply(SpecUpdate.newBuilder()
                .setRevision(3)
                .addUpserts(nic("n1", 2, "net"))
                .addUpserts(network("net", 1))
                .build());
        assertThat(c.ids(ResourceKind.RESOURCE_KIND_NETWORK)).containsExactly("net");
        c.apply(SpecUpdate.newBuilder()
                .setRevision(4)
                .addRemovals(new Key(ResourceKind.RESOURCE_KIND_NIC, "n1").proto())
                .build());
        assertThat(c.ids(ResourceKind.RESOURCE_KIND_NETWORK)).isEmpty();
    }

    @Test
    void survivesARestartFromItsFile(@TempDir Path dir) {
        DesiredCache c = DesiredCache.open(dir.resolve("desired.pb"), AppliedLog.none());
        c.apply(SpecUpdate.newBuilder()
                .setRevision(12)
                .setSnapshot(true)
                .addUpserts(vm("a", 11, true))
                .build());
        DesiredCache again = DesiredCache.open(dir.resolve("desired.pb"), AppliedLog.none());
        assertThat(again.revision()).isEqualTo(12);
        assertThat(again.get(new Key(ResourceKind.RESOURCE_KIND_VM, "a"))).hasValue(vm("a", 11, true));
    }
}
