package dev.mvirt.api.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mvirt.api.controller.Heartbeats;
import dev.mvirt.api.model.Kind;
import dev.mvirt.api.state.Command;
import dev.mvirt.api.store.Caller;
import dev.mvirt.api.store.LocalStore;
import dev.mvirt.api.store.SingleNodeCluster;
import dev.mvirt.proto.node.v1.DesiredResource;
import dev.mvirt.proto.node.v1.NodeAuth;
import dev.mvirt.proto.node.v1.NodeServiceGrpc;
import dev.mvirt.proto.node.v1.ResourceKey;
import dev.mvirt.proto.node.v1.SpecUpdate;
import dev.mvirt.proto.node.v1.WatchSpecsRequest;
import io.grpc.Context;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** WatchSpecs: snapshot, deltas for this host only, and resume from a revision without a snapshot. */
class WatchSpecsTest {
    final Hosts.MutableClock clock = new Hosts.MutableClock(1_000_000);
    final LocalStore store = Hosts.store(clock);
    final StaticJoinToken auth = new StaticJoinToken(NodeServiceTest.TOKEN);
    Server server;
    ManagedChannel channel;

    @BeforeEach
    void start() throws IOException {
        String name = "watch-" + Hosts.uuid();
        server = InProcessServerBuilder.forName(name)
                .addService(new NodeServiceImpl(
                        store, new SingleNodeCluster("p1", store), new Heartbeats(clock), auth, clock))
                .build()
                .start();
        channel = InProcessChannelBuilder.forName(name).build();
    }

    @AfterEach
    void stop() {
        channel.shutdownNow();
        server.shutdownNow();
    }

    NodeAuth auth(String node) {
        return NodeAuth.newBuilder()
                .setNodeId(node)
                .setCredential(auth.credentialFor(node))
                .build();
    }

    Iterator<SpecUpdate> watch(String node, long from) {
        return NodeServiceGrpc.newBlockingStub(channel)
                .withDeadlineAfter(20, TimeUnit.SECONDS)
                .watchSpecs(WatchSpecsRequest.newBuilder()
                        .setAuth(auth(node))
                        .setFromRevision(from)
                        .build());
    }

    static List<String> ids(SpecUpdate u) {
        return u.getUpsertsList().stream().map(r -> r.getKey().getId()).toList();
    }

    @Test
    void snapshotThenDeltasForThisHostOnly() {
        String n1 = Hosts.node(store, "n1", 8, 16384);
        String n2 = Hosts.node(store, "n2", 8, 16384);
        String vm1 = Hosts.vm(store, "vm1", n1, List.of());
        Hosts.vm(store, "vm2", n2, List.of());
        Context.CancellableContext ctx = Context.current().withCancellation();
        Context prev = ctx.attach();
        try {
            Iterator<SpecUpdate> it = watch(n1, 0);
            SpecUpdate snap = it.next();
            assertThat(snap.getSnapshot()).isTrue();
            assertThat(ids(snap)).containsExactly(vm1);
            Hosts.ok(store.stop(Caller.of("t"), vm1, false, 0));
            Hosts.vm(store, "vm3", n2, List.of());
            String vm4 = Hosts.vm(store, "vm4", n1, List.of());
            java.util.Map<String, DesiredResource> seen = new java.util.HashMap<>();
            while (!seen.containsKey(vm4)) {
                it.next().getUpsertsList().forEach(r -> seen.put(r.getKey().getId(), r));
            }
            assertThat(seen.keySet()).containsExactlyInAnyOrder(vm1, vm4);
            assertThat(seen.get(vm1).getVm().getRunning()).isFalse();
            Hosts.ok(store.submit(new Command.Delete(Kind.VM, vm1, 0, false), Caller.of("t")));
            SpecUpdate gone = it.next();
            assertThat(gone.getRemovalsList()).extracting(ResourceKey::getId).containsExactly(vm1);
            assertThat(gone.getRevision()).isEqualTo(store.read().revision());
        } finally {
            ctx.detach(prev);
            ctx.cancel(null);
        }
    }

    @Test
    void resumesWithOnlyWhatChangedSinceTheRevision() {
        String n1 = Hosts.node(store, "n1", 8, 16384);
        String vm1 = Hosts.vm(store, "vm1", n1, List.of());
        long seen = store.read().revision();
        Hosts.vm(store, "other", Hosts.node(store, "n2", 8, 16384), List.of());
        String vm2 = Hosts.vm(store, "vm2", n1, List.of());
        Context.CancellableContext ctx = Context.current().withCancellation();
        Context prev = ctx.attach();
        try {
            SpecUpdate first = watch(n1, seen).next();
            assertThat(first.getSnapshot()).isFalse();
            assertThat(ids(first)).containsExactly(vm2).doesNotContain(vm1);
            assertThat(first.getRevision()).isEqualTo(store.read().revision());
        } finally {
            ctx.detach(prev);
            ctx.cancel(null);
        }
    }
}
