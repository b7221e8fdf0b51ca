package dev.mvirt.api.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A VM's desired state. {@code volumes} and {@code nics} are ids (the first volume is the boot disk when
 * {@link Boot#volume()} names it). {@code nodeSelector} matches node labels, plus the reserved keys
 * {@value #NODE_ID} and {@value #NODE_NAME}. VMs sharing an {@code antiAffinityGroup} go to different hosts.
 * {@code rebootGeneration} grows with each reboot request; {@code stopMode} says how a stop is carried out.
 */
public record VmSpec(
        int vcpus,
        long memoryMib,
        Boot boot,
        List<String> volumes,
        List<String> nics,
        String userData,
        List<String> sshKeys,
        Map<String, String> nodeSelector,
        String antiAffinityGroup,
        String hypervisor,
        DesiredState desired,
        StopMode stopMode,
        long rebootGeneration)
        implements Spec {
    /** Selector key matching a node id. */
    public static final String NODE_ID = "node.id";
    /** Selector key matching a node name. */
    public static final String NODE_NAME = "node.name";
    /** Most vCPUs per VM. */
    public static final int MAX_VCPUS = 256;
    /** Most memory per VM: 4 TiB. */
    public static final long MAX_MEMORY_MIB = 4L << 20;

    /** Whether the VM should run. */
    public enum DesiredState {
        RUNNING,
        STOPPED
    }

    /** How a stop is carried out: ACPI power-down with a timeout, or at once. */
    public enum StopMode {
        GRACEFUL,
        FORCE
    }

    public VmSpec {
        volumes = List.copyOf(volumes);
        nics = List.copyOf(nics);
        sshKeys = List.copyOf(sshKeys);
        nodeSelector = Map.copyOf(nodeSelector);
    }

    @Override
    public Kind kind() {
        return Kind.VM;
    }

    @Override
    public Optional<FieldError> validate() {
        return Check.first(
                () -> Check.range("spec.vcpus", vcpus, 1, MAX_VCPUS),
                () -> Check.range("spec.memoryMib", memoryMib, 16, MAX_MEMORY_MIB),
                boot::validate,
                () -> volumes.size() > 32 ? Check.fail("spec.volumes", "at most 32") : Optional.empty(),
                () -> nics.size() > 16 ? Check.fail("spec.nics", "at most 16") : Optional.empty(),
                () -> Check.text("spec.userData", userData, 64 * 1024),
                this::checkKeys,
                () -> Check.labels("spec.nodeSelector", nodeSelector),
                () -> Check.optionalName("spec.antiAffinityGroup", antiAffinityGroup),
                () -> hypervisor.isEmpty() || hypervisor.equals("qemu") || hypervisor.equals("cloud-hypervisor")
                        ? Optional.empty()
                        : Check.fail("spec.hypervisor", "must be qemu or cloud-hypervisor"));
    }

    /** A copy with another desired state and stop mode. */
    public VmSpec withDesired(DesiredState state, StopMode mode) {
        return new VmSpec(
                vcpus,
                memoryMib,
                boot,
                volumes,
                nics,
                userData,
                sshKeys,
                nodeSelector,
                antiAffinityGroup,
                hypervisor,
                state,
                mode,
                rebootGeneration);
    }

    /** A copy with one more reboot request. */
    public VmSpec withReboot() {
        return new VmSpec(
                vcpus,
                memoryMib,
                boot,
                volumes,
                nics,
                userData,
                sshKeys,
                nodeSelector,
                antiAffinityGroup,
                hypervisor,
                desired,
                stopMode,
                rebootGeneration + 1);
    }

    /** A copy with other NICs. */
    public VmSpec withNics(List<String> nicIds) {
        return new VmSpec(
                vcpus,
                memoryMib,
                boot,
                volumes,
                nicIds,
                userData,
                sshKeys,
                nodeSelector,
                antiAffinityGroup,
                hypervisor,
                desired,
                stopMode,
                rebootGeneration);
    }

    private Optional<FieldError> checkKeys() {
        if (sshKeys.size() > 32) {
            return Check.fail("spec.sshKeys", "at most 32");
        }
        for (int i = 0; i < sshKeys.size(); i++) {
            String k = sshKeys.get(i);
            if (k.length() > 16384 || k.chars().anyMatch(c -> c < 0x20) || !k.matches("(ssh|ecdsa|sk)-\\S+ \\S+.*")) {
                return Check.fail("spec.sshKeys[" + i + "]", "must be one OpenSSH public key line");
            }
        }
        return Optional.empty();
    }
}
