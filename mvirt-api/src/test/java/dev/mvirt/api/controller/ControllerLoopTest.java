package dev.mvirt.api.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mvirt.api.grpc.Hosts;
import dev.mvirt.api.store.ClusterInfo;
import dev.mvirt.api.store.SingleNodeCluster;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ControllerLoopTest {
    @Test
    void ticksOnlyWhileLeadingAndAnnouncesChanges() {
        var store = Hosts.store(new Hosts.MutableClock(0));
        AtomicReference<ClusterInfo.Role> role = new AtomicReference<>(ClusterInfo.Role.FOLLOWER);
        ClusterInfo cluster = new dev.mvirt.api.grpc.RoleCluster(new SingleNodeCluster("p1", store), role);
        List<String> seen = new ArrayList<>();
        Controller c = new Controller() {
            @Override
            public void tick() {
                seen.add("tick");
            }

            @Override
            public void leadership(boolean leading) {
                seen.add("leading=" + leading);
            }
        };
        ControllerLoop loop = new ControllerLoop(cluster, List.of(c));
        loop.runOnce();
        role.set(ClusterInfo.Role.LEADER);
        loop.runOnce();
        loop.runOnce();
        role.set(ClusterInfo.Role.FOLLOWER);
        loop.runOnce();
        assertThat(seen).containsExactly("leading=true", "tick", "tick", "leading=false");
    }
}
