package dev.mvirt.api.grpc;

import dev.mvirt.api.model.Kind;
import dev.mvirt.api.model.NicSpec;
import dev.mvirt.api.model.NicStatus;
import dev.mvirt.api.model.Resource;
import dev.mvirt.api.model.VmSpec;
import dev.mvirt.api.model.VmStatus;
import dev.mvirt.api.state.ClusterState;
import dev.mvirt.api.state.Event;
import dev.mvirt.proto.node.v1.DesiredResource;
import dev.mvirt.proto.node.v1.NicDesired;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What one host should realise, computed from a {@link ClusterState}: the VMs placed on it, the NICs attached to
 * them, the volumes and templates pinned to it, and the networks and security groups those NICs use. Networks and
 * security groups are <em>derived</em>: a host holds them exactly while one of its NICs refers to them (the agent
 * applies the same rule, so a removal it never saw cannot leave one behind). Pure; called on stream threads.
 */
final class DesiredView {
    private DesiredView() {}

    /** A resource of one of the kinds hosts realise. */
    record Key(Kind kind, String id) {}

    /** The changes that bring a host from one view to the next, and the next view. */
    record Delta(List<DesiredResource> upserts, List<Key> removals, Map<Key, DesiredResource> view) {
        boolean isEmpty() {
            return upserts.isEmpty() && removals.isEmpty();
        }
    }

    /** The whole desired state of {@code node} in {@code s}. */
    static Map<Key, DesiredResource> of(ClusterState s, String node) {
        Map<Key, DesiredResource> view = new HashMap<>();
        for (Resource<VmSpec, VmStatus> vm : s.vms().all()) {
            if (vm.status().node().equals(node)) {
                put(view, vm);
                vm.spec().nics().forEach(id -> s.nics().get(id).ifPresent(nic -> put(view, nic)));
            }
        }
        s.volumes().all().stream().filter(v -> v.spec().node().equals(node)).forEach(v -> put(view, v));
        s.templates().all().stream().filter(t -> t.spec().node().equals(node)).forEach(t -> put(view, t));
        for (Key derived : referenced(view.values())) {
            evaluateDerived(s, derived).ifPresent(d -> view.put(derived, d));
        }
        return view;
    }

    /**
     * The keys an event may change for some host: the resource itself, a VM's NICs (they follow its placement) and
     * a NIC's network and security groups.
     */
    static Set<Key> candidates(Collection<Event> events) {
        Set<Key> keys = new LinkedHashSet<>();
        for (Event e : events) {
            Resource<?, ?> r = e.resource();
            if (SpecProtos.kind(r.kind()).isEmpty()) {
                continue;
            }
            keys.add(new Key(r.kind(), r.id()));
            if (r.spec() instanceof VmSpec vm) {
                vm.nics().forEach(id -> keys.add(new Key(Kind.NIC, id)));
            } else if (r.spec() instanceof NicSpec nic) {
                keys.add(new Key(Kind.NETWORK, nic.network()));
                nic.securityGroups().forEach(id -> keys.add(new Key(Kind.SECURITY_GROUP, id)));
            }
        }
        return keys;
    }

    /**
     * Re-evaluates {@code candidates} against {@code s}. Without {@code force}, only what differs from {@code view}
     * (revisions aside) is returned; with it, every candidate is (to resume a stream whose receiver's view is
     * only known to be at an older revision).
     */
    static Delta diff(ClusterState s, String node, Map<Key, DesiredResource> view, Set<Key> candidates, boolean force) {
        Map<Key, DesiredResource> next = new HashMap<>(view);
        List<DesiredResource> upserts = new ArrayList<>();
        List<Key> removals = new ArrayList<>();
        Set<Key> derived = new LinkedHashSet<>();
        for (Key k : candidates) {
            if (isDerived(k.kind())) {
                derived.add(k);
                continue;
            }
            Optional<DesiredResource> d = evaluate(s, node, k);
            derived.addAll(references(next.get(k)));
            d.ifPresent(x -> derived.addAll(references(x)));
            change(next, k, d, force, upserts, removals);
        }
        Set<Key> used = referenced(next.values());
        for (Key k : derived) {
            Optional<DesiredResource> d = used.contains(k) ? evaluateDerived(s, k) : Optional.empty();
            change(next, k, d, force, upserts, removals);
        }
        return new Delta(upserts, removals, next);
    }

    private static void change(
            Map<Key, DesiredResource> view,
            Key k,
            Optional<DesiredResource> d,
            boolean force,
            List<DesiredResource> upserts,
            List<Key> removals) {
        DesiredResource old = view.get(k);
        if (d.isPresent()) {
            if (force || old == null || !SpecProtos.sameSpec(old, d.get())) {
                upserts.add(d.get());
            }
            view.put(k, d.get());
        } else if (view.remove(k) != null || force) {
            removals.add(k);
        }
    }

    /** A VM, NIC, volume or template as {@code node} should hold it, if it belongs there. */
    private static Optional<DesiredResource> evaluate(ClusterState s, String node, Key k) {
        Optional<? extends Resource<?, ?>> r = switch (k.kind()) {
            case VM -> s.vms().get(k.id()).filter(vm -> vm.status().node().equals(node));
            case NIC -> s.nics().get(k.id()).filter(nic -> onNode(s, nic, node));
            case VOLUME -> s.volumes().get(k.id()).filter(v -> v.spec().node().equals(node));
            case TEMPLATE ->
                s.templates().get(k.id()).filter(t -> t.spec().node().equals(node));
            default -> Optional.empty();
        };
        return r.map(SpecProtos::desired);
    }

    private static Optional<DesiredResource> evaluateDerived(ClusterState s, Key k) {
        return s.get(k.kind(), k.id()).map(SpecProtos::desired);
    }

    private static boolean onNode(ClusterState s, Resource<NicSpec, NicStatus> nic, String node) {
        String vm = nic.spec().vm();
        return !vm.isEmpty()
                && s.vms().get(vm).filter(v -> v.status().node().equals(node)).isPresent();
    }

    private static boolean isDerived(Kind kind) {
        return kind == Kind.NETWORK || kind == Kind.SECURITY_GROUP;
    }

    /** The networks and security groups the NICs among {@code resources} use. */
    static Set<Key> referenced(Collection<DesiredResource> resources) {
        Set<Key> keys = new LinkedHashSet<>();
        resources.forEach(r -> keys.addAll(references(r)));
        return keys;
    }

    private static List<Key> references(@Nullable DesiredResource r) {
        if (r == null || !r.hasNic()) {
            return List.of();
        }
        NicDesired nic = r.getNic();
        List<Key> keys = new ArrayList<>();
        keys.add(new Key(Kind.NETWORK, nic.getNetwork()));
        nic.getSecurityGroupsList().forEach(id -> keys.add(new Key(Kind.SECURITY_GROUP, id)));
        return keys;
    }

    private static void put(Map<Key, DesiredResource> view, Resource<?, ?> r) {
        view.put(new Key(r.kind(), r.id()), SpecProtos.desired(r));
    }
}
