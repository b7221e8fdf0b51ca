package dev.mvirt.api.state;

import dev.mvirt.api.model.Kind;
import dev.mvirt.api.model.LockSpec;
import dev.mvirt.api.model.LockStatus;
import dev.mvirt.api.model.Meta;
import dev.mvirt.api.model.NetworkSpec;
import dev.mvirt.api.model.NetworkStatus;
import dev.mvirt.api.model.NicSpec;
import dev.mvirt.api.model.NicStatus;
import dev.mvirt.api.model.NodeSpec;
import dev.mvirt.api.model.NodeStatus;
import dev.mvirt.api.model.ProjectSpec;
import dev.mvirt.api.model.ProjectStatus;
import dev.mvirt.api.model.Resource;
import dev.mvirt.api.model.SecurityGroupSpec;
import dev.mvirt.api.model.SecurityGroupStatus;
import dev.mvirt.api.model.Settings;
import dev.mvirt.api.model.TemplateSpec;
import dev.mvirt.api.model.TemplateStatus;
import dev.mvirt.api.model.VmSpec;
import dev.mvirt.api.model.VmStatus;
import dev.mvirt.api.model.VolumeSpec;
import dev.mvirt.api.model.VolumeStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.pcollections.PMap;

/**
 * The whole desired and observed state of the cluster at one {@link #revision()} (the last applied Raft index).
 * Immutable: {@link #apply} returns the next state, sharing structure with this one, so readers on any thread hold
 * a consistent revision without locks. The derived indexes (addresses per network, usage per node) are rebuilt by
 * {@link #restore} and kept in step by apply.
 */
public final class ClusterState {
    /** The project every cluster has and that cannot be deleted. */
    public static final String DEFAULT_PROJECT = "default";

    final long revision;
    final Tables tables;
    final Settings settings;
    final PMap<String, IdempotencyRecord> idempotency;
    final PMap<String, PMap<String, String>> addresses;
    final VmIndex usage;

    ClusterState(
            long revision,
            Tables tables,
            Settings settings,
            PMap<String, IdempotencyRecord> idempotency,
            PMap<String, PMap<String, String>> addresses,
            VmIndex usage) {
        this.revision = revision;
        this.tables = tables;
        this.settings = settings;
        this.idempotency = idempotency;
        this.addresses = addresses;
        this.usage = usage;
    }

    /** The id of the {@code default} project, the same on every cluster. */
    public static final String DEFAULT_PROJECT_ID = "00000000-0000-0000-0000-000000000001";

    /** The state at revision 0: no resources but the {@code default} project. */
    public static ClusterState empty() {
        Resource<ProjectSpec, ProjectStatus> dflt = new Resource<>(
                new Meta(DEFAULT_PROJECT_ID, "", DEFAULT_PROJECT, new TreeMap<>(), 0, 0),
                new ProjectSpec("the default project"),
                new ProjectStatus());
        return new ClusterState(
                0, Tables.EMPTY.put(dflt), Settings.defaults(), HashTrie.empty(), HashTrie.empty(), VmIndex.EMPTY);
    }

    /**
     * Rebuilds a state from a snapshot's parts (revision, resources, settings, idempotency records), recomputing
     * the derived indexes.
     */
    public static ClusterState restore(
            long revision, List<Resource<?, ?>> resources, Settings settings, List<IdempotencyRecord> idempotency) {
        Tables t = Tables.EMPTY;
        for (Resource<?, ?> r : resources) {
            t = t.put(r);
        }
        PMap<String, IdempotencyRecord> idem = HashTrie.empty();
        for (IdempotencyRecord i : idempotency) {
            idem = idem.plus(i.key(), i);
        }
        ClusterState base = new ClusterState(revision, t, settings, idem, HashTrie.empty(), VmIndex.EMPTY);
        return Indexes.rebuild(base);
    }

    /**
     * Applies the log entry at {@code index}. Pure and deterministic; never throws for bad input (rejections are
     * {@link Result} values and leave every resource untouched; the state's revision still advances to index).
     *
     * @param placer chooses nodes for new VMs
     */
    public Applied apply(long index, Envelope envelope, Placer placer) {
        return Applier.apply(this, index, envelope, placer);
    }

    /**
     * This state at revision {@code index} with nothing changed: for a log entry that carries no command (malformed,
     * or from a newer peer) so revisions keep following the log.
     */
    public ClusterState skip(long index) {
        return new ClusterState(index, tables, settings, idempotency, addresses, usage);
    }

    /** The last applied Raft index. */
    public long revision() {
        return revision;
    }

    /** Cluster settings and feature flags. */
    public Settings settings() {
        return settings;
    }

    /** Projects. */
    public Table<ProjectSpec, ProjectStatus> projects() {
        return tables.projects();
    }

    /** Hosts. */
    public Table<NodeSpec, NodeStatus> nodes() {
        return tables.nodes();
    }

    /** Networks. */
    public Table<NetworkSpec, NetworkStatus> networks() {
        return tables.networks();
    }

    /** NICs. */
    public Table<NicSpec, NicStatus> nics() {
        return tables.nics();
    }

    /** Volumes. */
    public Table<VolumeSpec, VolumeStatus> volumes() {
        return tables.volumes();
    }

    /** Templates. */
    public Table<TemplateSpec, TemplateStatus> templates() {
        return tables.templates();
    }

    /** Security groups. */
    public Table<SecurityGroupSpec, SecurityGroupStatus> securityGroups() {
        return tables.securityGroups();
    }

    /** VMs. */
    public Table<VmSpec, VmStatus> vms() {
        return tables.vms();
    }

    /** Locks. */
    public Table<LockSpec, LockStatus> locks() {
        return tables.locks();
    }

    /** The table of {@code kind}. */
    public Table<?, ?> table(Kind kind) {
        return tables.of(kind);
    }

    /** A resource of any kind by id. */
    public Optional<? extends Resource<?, ?>> get(Kind kind, String id) {
        return tables.of(kind).get(id);
    }

    /** Every resource of every kind (for snapshots). */
    public List<Resource<?, ?>> allResources() {
        return tables.all();
    }

    /** The idempotency records kept (for snapshots). */
    public List<IdempotencyRecord> idempotencyRecords() {
        return List.copyOf(idempotency.values());
    }

    /** The idempotency record for {@code key}. */
    public Optional<IdempotencyRecord> idempotency(String key) {
        return Optional.ofNullable(idempotency.get(key));
    }

    /** What the VMs on {@code nodeId} reserve. */
    public Usage usage(String nodeId) {
        return usage.usage().getOrDefault(nodeId, Usage.NONE);
    }

    /** How many VMs of anti-affinity {@code group} each node holds (nodes without any are absent). */
    public Map<String, Integer> antiAffinityNodes(String group) {
        return usage.groups().getOrDefault(group, HashTrie.empty());
    }

    /** The id of the VM using volume {@code volumeId}, if any. */
    public Optional<String> volumeUser(String volumeId) {
        return Optional.ofNullable(usage.volumeUsers().get(volumeId));
    }

    /** The NIC id holding {@code address} in network {@code networkId}. */
    public Optional<String> addressHolder(String networkId, String address) {
        PMap<String, String> m = addresses.get(networkId);
        return m == null ? Optional.empty() : Optional.ofNullable(m.get(address));
    }

    /** How many addresses are allocated in {@code networkId}. */
    public int allocatedAddresses(String networkId) {
        PMap<String, String> m = addresses.get(networkId);
        return m == null ? 0 : m.size();
    }
}
