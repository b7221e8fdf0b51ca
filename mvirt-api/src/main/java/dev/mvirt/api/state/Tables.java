package dev.mvirt.api.state;

import dev.mvirt.api.model.Kind;
import dev.mvirt.api.model.LockSpec;
import dev.mvirt.api.model.LockStatus;
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
import dev.mvirt.api.model.TemplateSpec;
import dev.mvirt.api.model.TemplateStatus;
import dev.mvirt.api.model.VmSpec;
import dev.mvirt.api.model.VmStatus;
import dev.mvirt.api.model.VolumeSpec;
import dev.mvirt.api.model.VolumeStatus;
import java.util.ArrayList;
import java.util.List;

/** One persistent table per kind; {@link #put} and {@link #remove} dispatch on the resource's kind. */
record Tables(
        Table<ProjectSpec, ProjectStatus> projects,
        Table<NodeSpec, NodeStatus> nodes,
        Table<NetworkSpec, NetworkStatus> networks,
        Table<NicSpec, NicStatus> nics,
        Table<VolumeSpec, VolumeStatus> volumes,
        Table<TemplateSpec, TemplateStatus> templates,
        Table<SecurityGroupSpec, SecurityGroupStatus> securityGroups,
        Table<VmSpec, VmStatus> vms,
        Table<LockSpec, LockStatus> locks) {

    static final Tables EMPTY = new Tables(
            Table.empty(),
            Table.empty(),
            Table.empty(),
            Table.empty(),
            Table.empty(),
            Table.empty(),
            Table.empty(),
            Table.empty(),
            Table.empty());

    Table<?, ?> of(Kind kind) {
        return switch (kind) {
            case PROJECT -> projects;
            case NODE -> nodes;
            case NETWORK -> networks;
            case NIC -> nics;
            case VOLUME -> volumes;
            case TEMPLATE -> templates;
            case SECURITY_GROUP -> securityGroups;
            case VM -> vms;
            case LOCK -> locks;
        };
    }

    /** Tables with {@code r} inserted or replaced in the table of its kind. */
    @SuppressWarnings("unchecked")
    Tables put(Resource<?, ?> r) {
        return switch (r.kind()) {
            case PROJECT -> with(Kind.PROJECT, projects.put((Resource<ProjectSpec, ProjectStatus>) r));
            case NODE -> with(Kind.NODE, nodes.put((Resource<NodeSpec, NodeStatus>) r));
            case NETWORK -> with(Kind.NETWORK, networks.put((Resource<NetworkSpec, NetworkStatus>) r));
            case NIC -> with(Kind.NIC, nics.put((Resource<NicSpec, NicStatus>) r));
            case VOLUME -> with(Kind.VOLUME, volumes.put((Resource<VolumeSpec, VolumeStatus>) r));
            case TEMPLATE -> with(Kind.TEMPLATE, templates.put((Resource<TemplateSpec, TemplateStatus>) r));
            case SECURITY_GROUP ->
                with(Kind.SECURITY_GROUP, securityGroups.put((Resource<SecurityGroupSpec, SecurityGroupStatus>) r));
            case VM -> with(Kind.VM, vms.put((Resource<VmSpec, VmStatus>) r));
            case LOCK -> with(Kind.LOCK, locks.put((Resource<LockSpec, LockStatus>) r));
        };
    }

    /** Tables without resource {@code id} of {@code kind}. */
    Tables remove(Kind kind, String id) {
        return with(kind, of(kind).remove(id));
    }

    List<Resource<?, ?>> all() {
        List<Resource<?, ?>> out = new ArrayList<>();
        for (Kind k : Kind.values()) {
            out.addAll(of(k).all());
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private Tables with(Kind kind, Table<?, ?> t) {
        return new Tables(
                kind == Kind.PROJECT ? (Table<ProjectSpec, ProjectStatus>) t : projects,
                kind == Kind.NODE ? (Table<NodeSpec, NodeStatus>) t : nodes,
                kind == Kind.NETWORK ? (Table<NetworkSpec, NetworkStatus>) t : networks,
                kind == Kind.NIC ? (Table<NicSpec, NicStatus>) t : nics,
                kind == Kind.VOLUME ? (Table<VolumeSpec, VolumeStatus>) t : volumes,
                kind == Kind.TEMPLATE ? (Table<TemplateSpec, TemplateStatus>) t : templates,
                kind == Kind.SECURITY_GROUP ? (Table<SecurityGroupSpec, SecurityGroupStatus>) t : securityGroups,
                kind == Kind.VM ? (Table<VmSpec, VmStatus>) t : vms,
                kind == Kind.LOCK ? (Table<LockSpec, LockStatus>) t : locks);
    }
}
