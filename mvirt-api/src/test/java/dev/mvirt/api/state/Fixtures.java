package dev.mvirt.api.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mvirt.api.model.Boot;
import dev.mvirt.api.model.NetworkSpec;
import dev.mvirt.api.model.NetworkStatus;
import dev.mvirt.api.model.NicSpec;
import dev.mvirt.api.model.NicStatus;
import dev.mvirt.api.model.NodePhase;
import dev.mvirt.api.model.NodeSpec;
import dev.mvirt.api.model.NodeStatus;
import dev.mvirt.api.model.ProjectSpec;
import dev.mvirt.api.model.ProjectStatus;
import dev.mvirt.api.model.Resource;
import dev.mvirt.api.model.Rule;
import dev.mvirt.api.model.SecurityGroupSpec;
import dev.mvirt.api.model.SecurityGroupStatus;
import dev.mvirt.api.model.Spec;
import dev.mvirt.api.model.StoragePool;
import dev.mvirt.api.model.TemplateSpec;
import dev.mvirt.api.model.TemplateStatus;
import dev.mvirt.api.model.VmSpec;
import dev.mvirt.api.model.VmStatus;
import dev.mvirt.api.model.VolumeSpec;
import dev.mvirt.api.model.VolumeStatus;
import dev.mvirt.api.scheduler.Scheduler;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A test cluster driven one command at a time, like Nomad's {@code mock} package plus a tiny state harness:
 * deterministic UUIDs, a fixed clock the test advances, a running log index, and builders for every resource.
 * Not thread-safe; one instance per test.
 */
public final class Fixtures {
    /** The envelope time of the first command: 2026-01-01T00:00:00Z. */
    public static final long T0 = 1_767_225_600_000L;
    /** The default project's name. */
    public static final String DEFAULT = ClusterState.DEFAULT_PROJECT;
    /** One GiB in bytes. */
    public static final long GIB = 1L << 30;

    private final Placer placer;
    private ClusterState state = ClusterState.empty();
    private long index;
    private long time = T0;
    private int ids;
    private final Map<String, Integer> names = new HashMap<>();
    private final List<Event> events = new ArrayList<>();

    public Fixtures() {
        this(new Scheduler());
    }

    public Fixtures(Placer placer) {
        this.placer = placer;
    }

    /** The UUID numbered {@code n}: {@code 00000000-0000-4000-8000-00000000000n} (hex). */
    public static String uuid(long n) {
        return "00000000-0000-4000-8000-" + String.format("%012x", n);
    }

    /** The next fresh id. */
    public String id() {
        return uuid(++ids);
    }

    /** A fresh name for {@code prefix}: {@code prefix-1}, {@code prefix-2}, … */
    public String name(String prefix) {
        return prefix + "-" + names.merge(prefix, 1, Integer::sum);
    }

    public ClusterState state() {
        return state;
    }

    /** Replaces the state (after a restore) and continues from its revision. */
    public void state(ClusterState s) {
        state = s;
        index = s.revision();
    }

    public long index() {
        return index;
    }

    public long time() {
        return time;
    }

    public void advance(long millis) {
        time += millis;
    }

    /** Every event applied so far, in order. */
    public List<Event> events() {
        return events;
    }

    public Envelope envelope(Command c) {
        return Envelope.of(c, "test", time);
    }

    /** Applies {@code c} at the next index. */
    public Applied apply(Command c) {
        return apply(envelope(c));
    }

    /** Applies {@code c} with an idempotency key and request hash. */
    public Applied apply(Command c, String key, String hash) {
        return apply(new Envelope(c, "test", time, key, hash));
    }

    public Applied apply(Envelope e) {
        Applied a = state.apply(++index, e, placer);
        assertThat(a.state().revision()).isEqualTo(index);
        state = a.state();
        events.addAll(a.events());
        return a;
    }

    /** Applies {@code c}, asserts it succeeded with a resource, and returns the resource. */
    @SuppressWarnings({"unchecked", "TypeParameterUnusedInFormals"})
    public <R extends Resource<?, ?>> R ok(Command c) {
        Result r = apply(c).result();
        assertThat(r).as("result of %s", c).isInstanceOf(Result.Ok.class);
        return (R) ((Result.Ok) r).resource();
    }

    /** Applies {@code c} and asserts it succeeded without a resource. */
    public void done(Command c) {
        assertThat(apply(c).result()).as("result of %s", c).isInstanceOf(Result.Done.class);
    }

    /**
     * Applies {@code c}, asserts it was rejected, caused no event, left every resource, setting and index as they
     * were, and advanced the revision; returns the rejection.
     */
    public Result reject(Command c) {
        ClusterState before = state;
        Applied a = apply(c);
        assertThat(a.result().ok()).as("result of %s: %s", c, a.result()).isFalse();
        assertUnchanged(before, a);
        return a.result();
    }

    /** Asserts that {@code a} changed nothing but the revision. */
    public static void assertUnchanged(ClusterState before, Applied a) {
        assertThat(a.events()).isEmpty();
        assertThat(sorted(a.state().allResources())).isEqualTo(sorted(before.allResources()));
        assertThat(a.state().settings()).isEqualTo(before.settings());
        assertThat(a.state().idempotencyRecords()).containsExactlyInAnyOrderElementsOf(before.idempotencyRecords());
        for (var n : before.nodes().all()) {
            assertThat(a.state().usage(n.id())).isEqualTo(before.usage(n.id()));
        }
        assertThat(a.state().revision()).isGreaterThan(before.revision());
    }

    /** Resources sorted by kind and id, for comparisons. */
    public static List<Resource<?, ?>> sorted(List<Resource<?, ?>> list) {
        return list.stream()
                .sorted(Comparator.<Resource<?, ?>, String>comparing(
                                r -> r.kind().name())
                        .thenComparing(Resource::id))
                .toList();
    }

    /** Asserts {@code r} is Invalid naming {@code field}. */
    public static void assertInvalid(Result r, String field) {
        assertThat(r)
                .isInstanceOfSatisfying(
                        Result.Invalid.class, i -> assertThat(i.error().field()).isEqualTo(field));
    }

    /** Asserts {@code r} is a Conflict with {@code code}. */
    public static void assertConflict(Result r, String code) {
        assertThat(r)
                .isInstanceOfSatisfying(
                        Result.Conflict.class, c -> assertThat(c.code()).isEqualTo(code));
    }

    /** Asserts {@code r} is NotFound. */
    public static void assertNotFound(Result r) {
        assertThat(r).isInstanceOf(Result.NotFound.class);
    }

    // ---- nodes

    /** Host facts: a ready host with {@code cpus}, {@code memGiB}, a 1 TiB pool and both hypervisors. */
    public static NodeStatus facts(int cpus, long memGiB) {
        return new NodeStatus(
                NodePhase.READY,
                "host",
                "192.0.2.1",
                cpus,
                memGiB * 1024,
                List.of(new StoragePool("tank", 1024 * GIB, 1024 * GIB)),
                List.of("qemu", "cloud-hypervisor"),
                "test");
    }

    /** A RegisterNode command for a new node. */
    public Command.RegisterNode registerNode(String name, int cpus, long memGiB, Map<String, String> labels) {
        return new Command.RegisterNode(id(), name, labels, facts(cpus, memGiB));
    }

    /** Registers a ready node named {@code node-N}. */
    public Resource<NodeSpec, NodeStatus> node(int cpus, long memGiB) {
        return node(name("node"), cpus, memGiB, Map.of());
    }

    public Resource<NodeSpec, NodeStatus> node(String name, int cpus, long memGiB, Map<String, String> labels) {
        return ok(registerNode(name, cpus, memGiB, labels));
    }

    // ---- creates

    /** A Create in the default project with a fresh id and name. */
    public Command.Create create(Spec spec) {
        return create(name(spec.kind().name().toLowerCase().replace('_', '-')), spec);
    }

    public Command.Create create(String name, Spec spec) {
        String project = spec.kind().projectScoped() ? DEFAULT : "";
        return new Command.Create(id(), project, name, Map.of(), spec);
    }

    public Resource<ProjectSpec, ProjectStatus> project(String name) {
        return ok(create(name, new ProjectSpec("")));
    }

    public static NetworkSpec networkSpec(String cidr) {
        boolean v6 = cidr.contains(":");
        return new NetworkSpec(v6 ? "" : cidr, v6 ? cidr : "", List.of(), List.of(), false);
    }

    public Resource<NetworkSpec, NetworkStatus> network(String cidr) {
        return ok(create(networkSpec(cidr)));
    }

    public static NicSpec nicSpec(String networkId) {
        return nicSpec(networkId, "", "");
    }

    public static NicSpec nicSpec(String networkId, String ipv4, String ipv6) {
        return new NicSpec(networkId, "", ipv4, ipv6, List.of(), List.of(), "");
    }

    public Resource<NicSpec, NicStatus> nic(String networkId) {
        return ok(create(nicSpec(networkId)));
    }

    public static VolumeSpec volumeSpec(String node, long bytes) {
        return new VolumeSpec(node, bytes, "", "", List.of(), "", 0);
    }

    public Resource<VolumeSpec, VolumeStatus> volume(String node, long gib) {
        return ok(create(volumeSpec(node, gib * GIB)));
    }

    public Resource<TemplateSpec, TemplateStatus> template(String node) {
        return ok(create(new TemplateSpec(node, "/srv/images/debian.raw", "raw")));
    }

    public Resource<SecurityGroupSpec, SecurityGroupStatus> securityGroup(Rule... rules) {
        return ok(create(new SecurityGroupSpec("", List.of(rules))));
    }

    /** A VM spec booting a kernel directly, desired RUNNING. */
    public static VmBuilder vmSpec(int vcpus, long memoryMib) {
        return new VmBuilder(vcpus, memoryMib);
    }

    public Resource<VmSpec, VmStatus> vm(int vcpus, long memoryMib) {
        return vm(vmSpec(vcpus, memoryMib).build());
    }

    public Resource<VmSpec, VmStatus> vm(VmSpec spec) {
        return ok(create(spec));
    }

    /** Builds {@link VmSpec}s; every field has a sensible default. */
    public static final class VmBuilder {
        private int vcpus;
        private long memoryMib;
        private Boot boot = new Boot("/boot/vmlinuz", "", "", "");
        private List<String> volumes = List.of();
        private List<String> nics = List.of();
        private Map<String, String> selector = Map.of();
        private String group = "";
        private String hypervisor = "";
        private VmSpec.DesiredState desired = VmSpec.DesiredState.RUNNING;

        VmBuilder(int vcpus, long memoryMib) {
            this.vcpus = vcpus;
            this.memoryMib = memoryMib;
        }

        public VmBuilder vcpus(int n) {
            vcpus = n;
            return this;
        }

        public VmBuilder memoryMib(long n) {
            memoryMib = n;
            return this;
        }

        public VmBuilder volumes(String... ids) {
            volumes = List.of(ids);
            return this;
        }

        /** Boots from {@code volumeId}, which is also the first volume. */
        public VmBuilder bootVolume(String volumeId) {
            boot = new Boot("", "", "", volumeId);
            List<String> l = new ArrayList<>(List.of(volumeId));
            volumes.stream().filter(v -> !v.equals(volumeId)).forEach(l::add);
            volumes = List.copyOf(l);
            return this;
        }

        public VmBuilder nics(String... ids) {
            nics = List.of(ids);
            return this;
        }

        public VmBuilder selector(String key, String value) {
            selector = Map.of(key, value);
            return this;
        }

        public VmBuilder group(String antiAffinityGroup) {
            group = antiAffinityGroup;
            return this;
        }

        public VmBuilder hypervisor(String h) {
            hypervisor = h;
            return this;
        }

        public VmBuilder desired(VmSpec.DesiredState d) {
            desired = d;
            return this;
        }

        public VmSpec build() {
            return new VmSpec(
                    vcpus,
                    memoryMib,
                    boot,
                    volumes,
                    nics,
                    "",
                    List.of(),
                    selector,
                    group,
                    hypervisor,
                    desired,
                    VmSpec.StopMode.GRACEFUL,
                    0);
        }
    }
}
