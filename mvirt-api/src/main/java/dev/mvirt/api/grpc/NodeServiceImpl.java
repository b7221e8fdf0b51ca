package dev.mvirt.api.grpc;

import dev.mvirt.api.console.ConsoleBroker;
import dev.mvirt.api.controller.Heartbeats;
import dev.mvirt.api.model.Check;
import dev.mvirt.api.model.FieldError;
import dev.mvirt.api.model.NodePhase;
import dev.mvirt.api.model.NodeSpec;
import dev.mvirt.api.model.NodeStatus;
import dev.mvirt.api.model.Resource;
import dev.mvirt.api.state.Command;
import dev.mvirt.api.store.Caller;
import dev.mvirt.api.store.ClusterInfo;
import dev.mvirt.api.store.DataStore;
import dev.mvirt.proto.node.v1.ConsoleFromNode;
import dev.mvirt.proto.node.v1.ConsoleOpen;
import dev.mvirt.proto.node.v1.ConsoleRequestsRequest;
import dev.mvirt.proto.node.v1.ConsoleToNode;
import dev.mvirt.proto.node.v1.DeregisterRequest;
import dev.mvirt.proto.node.v1.DeregisterResponse;
import dev.mvirt.proto.node.v1.HeartbeatRequest;
import dev.mvirt.proto.node.v1.HeartbeatResponse;
import dev.mvirt.proto.node.v1.NodeAuth;
import dev.mvirt.proto.node.v1.NodeServiceGrpc;
import dev.mvirt.proto.node.v1.RegisterRequest;
import dev.mvirt.proto.node.v1.RegisterResponse;
import dev.mvirt.proto.node.v1.SpecUpdate;
import dev.mvirt.proto.node.v1.UpdateResourceStatusRequest;
import dev.mvirt.proto.node.v1.UpdateResourceStatusResponse;
import dev.mvirt.proto.node.v1.WatchSpecsRequest;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The NodeService on one API server. Registration and status reports are proposed through the {@link DataStore}
 * (any server; Raft forwards to the leader); heartbeats are counted only when this server is the leader (the agent
 * moves its heartbeats to the server that counts them); spec streams are served from local state on any server.
 * Console channels and sessions (any server) are handed to the {@link ConsoleBroker}.
 * Handlers run on gRPC's executor and never block it on a commit.
 */
public final class NodeServiceImpl extends NodeServiceGrpc.NodeServiceImplBase {
    private static final Logger log = LoggerFactory.getLogger(NodeServiceImpl.class);

    private final DataStore store;
    private final ClusterInfo cluster;
    private final Heartbeats heartbeats;
    private final JoinAuthority auth;
    private final Clock clock;
    private final ConsoleBroker consoles;

    /** A service over {@code store}, counting heartbeats in {@code heartbeats} while {@code cluster} leads. */
    public NodeServiceImpl(
            DataStore store, ClusterInfo cluster, Heartbeats heartbeats, JoinAuthority auth, Clock clock) {
        this(store, cluster, heartbeats, auth, clock, new ConsoleBroker(ConsoleBroker.DEFAULT_OPEN_TIMEOUT));
    }

    /** As above, with agents' console channels and sessions going to {@code consoles}. */
    public NodeServiceImpl(
            DataStore store,
            ClusterInfo cluster,
            Heartbeats heartbeats,
            JoinAuthority auth,
            Clock clock,
            ConsoleBroker consoles) {
        this.store = store;
        this.cluster = cluster;
        this.heartbeats = heartbeats;
        this.auth = auth;
        this.clock = clock;
        this.consoles = consoles;
    }

    @Override
    public void register(RegisterRequest req, StreamObserver<RegisterResponse> out) {
        try {
            if (!auth.acceptsJoinToken(req.getJoinToken())) {
                throw new Refusal(Refusal.Why.UNAUTHENTICATED, "join token refused");
            }
            Command.RegisterNode cmd = NodeRequests.register(req);
            reply(store.submit(cmd, Caller.of("node:" + cmd.nodeId())), out, outcome -> {
                countIfLeader(cmd.nodeId());
                log.info("node registered node={} name={} revision={}", cmd.nodeId(), cmd.name(), outcome.revision());
                return RegisterResponse.newBuilder()
                        .setNodeId(cmd.nodeId())
                        .setCredential(auth.credentialFor(cmd.nodeId()))
                        .setRevision(outcome.revision())
                        .setHeartbeatIntervalMs(interval())
                        .build();
            });
        } catch (RuntimeException e) {
            out.onError(GrpcErrors.toStatus(e));
        }
    }

    @Override
    public void heartbeat(HeartbeatRequest req, StreamObserver<HeartbeatResponse> out) {
        try {
            Resource<NodeSpec, NodeStatus> node = authenticate(req.getAuth());
            boolean counted = countIfLeader(node.id());
            out.onNext(HeartbeatResponse.newBuilder()
                    .setCounted(counted)
                    .setLeaderId(cluster.leaderId().orElse(""))
                    .setNodePhase(node.status().phase().name())
                    .setHeartbeatIntervalMs(interval())
                    .build());
            out.onCompleted();
        } catch (RuntimeException e) {
            out.onError(GrpcErrors.toStatus(e));
        }
    }

    @Override
    public void deregister(DeregisterRequest req, StreamObserver<DeregisterResponse> out) {
        try {
            Resource<NodeSpec, NodeStatus> node = authenticate(req.getAuth());
            Command cmd = new Command.SetNodePhase(node.id(), NodePhase.DOWN);
            reply(
                    store.submit(cmd, Caller.of("node:" + node.id())),
                    out,
                    outcome -> DeregisterResponse.newBuilder()
                            .setRevision(outcome.revision())
                            .build());
        } catch (RuntimeException e) {
            out.onError(GrpcErrors.toStatus(e));
        }
    }

    @Override
    public void watchSpecs(WatchSpecsRequest req, StreamObserver<SpecUpdate> out) {
        try {
            String node = authenticate(req.getAuth()).id();
            if (req.getFromRevision() < 0) {
                throw new Refusal(Refusal.Why.INVALID, "from_revision: must not be negative");
            }
            ServerCallStreamObserver<SpecUpdate> call = (ServerCallStreamObserver<SpecUpdate>) out;
            Thread t = Thread.ofVirtual()
                    .name("spec-stream-" + node)
                    .unstarted(new SpecStream(store, node, req.getFromRevision(), call, clock));
            call.setOnCancelHandler(t::interrupt);
            t.start();
        } catch (RuntimeException e) {
            out.onError(GrpcErrors.toStatus(e));
        }
    }

    @Override
    public void updateResourceStatus(
            UpdateResourceStatusRequest req, StreamObserver<UpdateResourceStatusResponse> out) {
        try {
            String node = authenticate(req.getAuth()).id();
            StatusReports.apply(store, node, req.getStatusesList()).whenComplete((resp, err) -> {
                if (err != null) {
                    out.onError(GrpcErrors.toStatus(err));
                } else {
                    out.onNext(resp);
                    out.onCompleted();
                }
            });
        } catch (RuntimeException e) {
            out.onError(GrpcErrors.toStatus(e));
        }
    }

    @Override
    public void consoleRequests(ConsoleRequestsRequest req, StreamObserver<ConsoleOpen> out) {
        try {
            String node = authenticate(req.getAuth()).id();
            ConsoleRequestsCall.start(consoles, node, (ServerCallStreamObserver<ConsoleOpen>) out);
        } catch (RuntimeException e) {
            out.onError(GrpcErrors.toStatus(e));
        }
    }

    @Override
    public StreamObserver<ConsoleFromNode> consoleSession(StreamObserver<ConsoleToNode> out) {
        return new ConsoleSessionCall(
                consoles, a -> authenticate(a).id(), (ServerCallStreamObserver<ConsoleToNode>) out);
    }

    /** The registered node {@code a} names, when its credential is valid. */
    private Resource<NodeSpec, NodeStatus> authenticate(NodeAuth a) {
        if (!auth.verify(a.getNodeId(), a.getCredential())) {
            throw new Refusal(Refusal.Why.UNAUTHENTICATED, "bad credential for node " + printable(a.getNodeId()));
        }
        Optional<Resource<NodeSpec, NodeStatus>> node = store.read().nodes().get(a.getNodeId());
        return node.orElseThrow(
                () -> new Refusal(Refusal.Why.NOT_REGISTERED, "node " + a.getNodeId() + " is not registered"));
    }

    private boolean countIfLeader(String nodeId) {
        if (cluster.role() != ClusterInfo.Role.LEADER) {
            return false;
        }
        heartbeats.record(nodeId);
        return true;
    }

    private int interval() {
        return store.read().settings().nodeGraceSeconds() * 1000 / 3;
    }

    private static <T> void reply(
            CompletableFuture<dev.mvirt.api.store.Outcome> f,
            StreamObserver<T> out,
            java.util.function.Function<dev.mvirt.api.store.Outcome, T> ok) {
        f.whenComplete((outcome, err) -> {
            if (err != null) {
                out.onError(GrpcErrors.toStatus(err));
            } else if (!outcome.result().ok()) {
                out.onError(GrpcErrors.toStatus(outcome.result()));
            } else {
                answer(out, () -> ok.apply(outcome));
            }
        });
    }

    /** Sends what {@code value} computes, or its failure as a status: a throwing callback never leaves a call open. */
    private static <T> void answer(StreamObserver<T> out, java.util.function.Supplier<T> value) {
        T v;
        try {
            v = value.get();
        } catch (RuntimeException e) {
            out.onError(GrpcErrors.toStatus(e));
            return;
        }
        out.onNext(v);
        out.onCompleted();
    }

    private static String printable(String s) {
        Optional<FieldError> bad = Check.uuid("node_id", s);
        return bad.isPresent() ? "(malformed id)" : s;
    }
}
