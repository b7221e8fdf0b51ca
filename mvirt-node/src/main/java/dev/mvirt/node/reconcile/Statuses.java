package dev.mvirt.node.reconcile;

import dev.mvirt.node.daemon.VmDaemon;
import dev.mvirt.proto.node.v1.ResourceKey;
import dev.mvirt.proto.node.v1.ResourceKind;
import dev.mvirt.proto.node.v1.ResourceObserved;
import dev.mvirt.proto.node.v1.ResourceStatus;
import dev.mvirt.proto.node.v1.TemplateObserved;
import dev.mvirt.proto.node.v1.VmObserved;

/** Builds the status messages reconcilers report; messages are cut to what the API accepts. */
final class Statuses {
    static final int MAX_MESSAGE = 4000;

    private Statuses() {}

    static ResourceStatus vm(String id, String phase, String message, long rebootGeneration, long pid) {
        return ResourceStatus.newBuilder()
                .setKey(key(ResourceKind.RESOURCE_KIND_VM, id))
                .setVm(VmObserved.newBuilder()
                        .setPhase(phase)
                        .setMessage(cut(message))
                        .setRebootGeneration(rebootGeneration)
                        .setPid(pid))
                .build();
    }

    /** The API's VM phase for a daemon phase. */
    static String vmPhase(VmDaemon.Phase p) {
        return switch (p) {
            case STOPPED -> "STOPPED";
            case STARTING -> "CREATING";
            case RUNNING -> "RUNNING";
            case STOPPING -> "STOPPING";
            case FAILED -> "FAILED";
        };
    }

    static ResourceStatus resource(ResourceKind kind, String id, ResourceObserved.Builder observed) {
        observed.setMessage(cut(observed.getMessage()));
        return ResourceStatus.newBuilder()
                .setKey(key(kind, id))
                .setResource(observed)
                .build();
    }

    static ResourceStatus template(String id, TemplateObserved.Builder observed) {
        observed.setMessage(cut(observed.getMessage()));
        return ResourceStatus.newBuilder()
                .setKey(key(ResourceKind.RESOURCE_KIND_TEMPLATE, id))
                .setTemplate(observed)
                .build();
    }

    static String cut(String s) {
        String clean = s.replace('\0', ' ');
        return clean.length() <= MAX_MESSAGE ? clean : clean.substring(0, MAX_MESSAGE);
    }

    private static ResourceKey key(ResourceKind kind, String id) {
        return ResourceKey.newBuilder().setKind(kind).setId(id).build();
    }
}
