package dev.mvirt.api;

import com.google.protobuf.ByteString;
import dev.mvirt.proto.node.v1.ConsoleFromNode;
import dev.mvirt.proto.node.v1.ConsoleOpen;
import dev.mvirt.proto.node.v1.ConsoleRequestsRequest;
import dev.mvirt.proto.node.v1.ConsoleToNode;
import dev.mvirt.proto.node.v1.HeartbeatRequest;
import dev.mvirt.proto.node.v1.HostFacts;
import dev.mvirt.proto.node.v1.NodeAuth;
import dev.mvirt.proto.node.v1.NodeServiceGrpc;
import dev.mvirt.proto.node.v1.RegisterRequest;
import dev.mvirt.proto.node.v1.ResourceKey;
import dev.mvirt.proto.node.v1.ResourceKind;
import dev.mvirt.proto.node.v1.ResourceStatus;
import dev.mvirt.proto.node.v1.UpdateResourceStatusRequest;
import dev.mvirt.proto.node.v1.VmObserved;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A host agent written for the console tests: registers, keeps a ConsoleRequests stream to every API server, and
 * answers each ConsoleOpen with a ConsoleSession on the same server. Its VMs print a banner, echo input to every
 * session of the VM (shared sessions), keep a replay buffer, record window sizes, and honour force.
 */
final class FakeConsoleAgent implements AutoCloseable {
    static final String TAKEN_OVER = "taken over by another console attach";
    final String nodeId = UUID.randomUUID().toString();
    final Map<String, int[]> sizes = new ConcurrentHashMap<>();
    private final List<ManagedChannel> channels;
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final Map<String, ByteArrayOutputStream> output = new ConcurrentHashMap<>();
    private final Map<String, List<StreamObserver<ConsoleFromNode>>> sessions = new ConcurrentHashMap<>();
    private NodeAuth auth = NodeAuth.getDefaultInstance();

    FakeConsoleAgent(List<Integer> grpcPorts) {
        this.channels = grpcPorts.stream()
                .map(p -> (ManagedChannel) ManagedChannelBuilder.forAddress("127.0.0.1", p)
                        .usePlaintext()
                        .build())
                .toList();
    }

    void register(String name, String joinToken) {
        var r = NodeServiceGrpc.newBlockingStub(channels.getFirst())
                .register(RegisterRequest.newBuilder()
                        .setNodeId(nodeId)
                        .setName(name)
                        .setJoinToken(joinToken)
                        .setFacts(HostFacts.newBuilder()
                                .setHostname(name)
                                .setCpus(8)
                                .setMemoryMib(16384))
                        .build());
        auth = NodeAuth.newBuilder()
                .setNodeId(nodeId)
                .setCredential(r.getCredential())
                .build();
    }

    /** Sends heartbeats to every server every 300 ms (only the leader counts them) until closed. */
    void beat() {
        Thread.ofVirtual().name("fake-agent-heartbeats").start(() -> {
            while (!channels.getFirst().isShutdown()) {
                for (ManagedChannel ch : channels) {
                    try {
                        NodeServiceGrpc.newBlockingStub(ch)
                                .withDeadlineAfter(2, TimeUnit.SECONDS)
                                .heartbeat(HeartbeatRequest.newBuilder()
                                        .setAuth(auth)
                                        .build());
                    } catch (RuntimeException e) {
                        // a server that is down or gone: the next round tries again
                    }
                }
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    /** Opens the console channel to every server. */
    void openChannels() {
        for (ManagedChannel ch : channels) {
            NodeServiceGrpc.newStub(ch)
                    .consoleRequests(
                            ConsoleRequestsRequest.newBuilder().setAuth(auth).build(), new Ignoring<>() {
                                @Override
                                public void onNext(ConsoleOpen o) {
                                    session(ch, o);
                                }

                                @Override
                                public void onError(Throwable t) {
                                    // the test that fails next says why in its output
                                    System.err.println(
                                            "fake agent: console channel to " + ch.authority() + " ended: " + t);
                                }
                            });
        }
    }

    /** Reports VM {@code id} RUNNING and starts its fake console. */
    void run(String vmId) {
        running.add(vmId);
        byte[] banner = ("fake guest " + vmId + " ready\r\n").getBytes(StandardCharsets.UTF_8);
        output.computeIfAbsent(vmId, k -> new ByteArrayOutputStream()).writeBytes(banner);
        var answer = NodeServiceGrpc.newBlockingStub(channels.getFirst())
                .updateResourceStatus(UpdateResourceStatusRequest.newBuilder()
                        .setAuth(auth)
                        .addStatuses(ResourceStatus.newBuilder()
                                .setKey(ResourceKey.newBuilder()
                                        .setKind(ResourceKind.RESOURCE_KIND_VM)
                                        .setId(vmId))
                                .setVm(VmObserved.newBuilder()
                                        .setPhase("RUNNING")
                                        .setPid(42)))
                        .build());
    }

    private void session(ManagedChannel ch, ConsoleOpen o) {
        String vm = o.getVmId();
        Out up = new Out();
        up.to = NodeServiceGrpc.newStub(ch).consoleSession(new Ignoring<>() {
            @Override
            public void onNext(ConsoleToNode m) {
                if (m.getCols() > 0) {
                    sizes.put(vm, new int[] {m.getCols(), m.getRows()});
                }
                if (!m.getData().isEmpty()) {
                    broadcast(vm, m.getData().toByteArray());
                }
            }

            @Override
            public void onError(Throwable t) {
                System.err.println("fake agent: console session " + o.getSessionId() + " failed: " + t);
                end(vm, up.to);
            }

            @Override
            public void onCompleted() {
                end(vm, up.to);
            }
        });
        synchronized (this) {
            // a call's sends are not thread-safe: every send to the server goes out under the agent's lock
            up.to.onNext(ConsoleFromNode.newBuilder()
                    .setAuth(auth)
                    .setSessionId(o.getSessionId())
                    .build());
            if (!running.contains(vm)) {
                up.to.onNext(ConsoleFromNode.newBuilder()
                        .setError("vm is not running on this host")
                        .build());
                up.to.onCompleted();
                return;
            }
        }
        attach(vm, o, up.to);
    }

    /** The server ended a session: drop it, and end our half unless a takeover already did. */
    private synchronized void end(String vm, StreamObserver<ConsoleFromNode> to) {
        if (sessions.getOrDefault(vm, List.of()).remove(to)) {
            to.onCompleted();
        }
    }

    private synchronized void attach(String vm, ConsoleOpen o, StreamObserver<ConsoleFromNode> to) {
        List<StreamObserver<ConsoleFromNode>> list = sessions.computeIfAbsent(vm, k -> new CopyOnWriteArrayList<>());
        if (o.getForce()) {
            for (StreamObserver<ConsoleFromNode> other : list) {
                other.onNext(ConsoleFromNode.newBuilder().setError(TAKEN_OVER).build());
                other.onCompleted();
            }
            list.clear();
        }
        byte[] all = output.get(vm).toByteArray();
        int n = o.getSkipReplay() ? 0 : Math.min(all.length, o.getReplayBytes());
        if (n > 0) {
            to.onNext(data(java.util.Arrays.copyOfRange(all, all.length - n, all.length)));
        }
        if (o.getCols() > 0) {
            sizes.put(vm, new int[] {o.getCols(), o.getRows()});
        }
        list.add(to);
    }

    private synchronized void broadcast(String vm, byte[] bytes) {
        output.get(vm).writeBytes(bytes);
        for (StreamObserver<ConsoleFromNode> s : sessions.getOrDefault(vm, List.of())) {
            s.onNext(data(bytes));
        }
    }

    private static ConsoleFromNode data(byte[] b) {
        return ConsoleFromNode.newBuilder().setData(ByteString.copyFrom(b)).build();
    }

    /** The agent dies: every channel and session breaks. */
    @Override
    public void close() {
        channels.forEach(ManagedChannel::shutdownNow);
        for (ManagedChannel c : channels) {
            try {
                c.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static final class Out {
        StreamObserver<ConsoleFromNode> to;
    }

    private static class Ignoring<T> implements StreamObserver<T> {
        @Override
        public void onNext(T value) {}

        @Override
        public void onError(Throwable t) {}

        @Override
        public void onCompleted() {}
    }
}
