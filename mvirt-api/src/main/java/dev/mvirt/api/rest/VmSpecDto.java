package dev.mvirt.api.rest;

import static dev.mvirt.api.rest.Fields.list;
import static dev.mvirt.api.rest.Fields.str;

import dev.mvirt.api.model.Boot;
import dev.mvirt.api.model.Kind;
import dev.mvirt.api.model.Spec;
import dev.mvirt.api.model.VmSpec;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The JSON form of a VM spec; volumes, NICs and the boot volume may be given by name. */
record VmSpecDto(
        int vcpus,
        long memoryMib,
        @Nullable BootDto boot,
        @Nullable List<String> volumes,
        @Nullable List<String> nics,
        @Nullable String userData,
        @Nullable List<String> sshKeys,
        @Nullable Map<String, String> nodeSelector,
        @Nullable String antiAffinityGroup,
        @Nullable String hypervisor,
        VmSpec.@Nullable DesiredState desired,
        VmSpec.@Nullable StopMode stopMode,
        long rebootGeneration)
        implements SpecDto {

    /** How the VM boots. */
    record BootDto(
            @Nullable String kernel,
            @Nullable String initramfs,
            @Nullable String cmdline,
            @Nullable String volume) {}

    static VmSpecDto of(VmSpec s) {
        Boot b = s.boot();
        return new VmSpecDto(
                s.vcpus(),
                s.memoryMib(),
                new BootDto(b.kernel(), b.initramfs(), b.cmdline(), b.volume()),
                s.volumes(),
                s.nics(),
                s.userData(),
                s.sshKeys(),
                s.nodeSelector(),
                s.antiAffinityGroup(),
                s.hypervisor(),
                s.desired(),
                s.stopMode(),
                s.rebootGeneration());
    }

    @Override
    public Spec toSpec(Refs refs) {
        BootDto b = boot == null ? new BootDto(null, null, null, null) : boot;
        Boot resolved = new Boot(
                str(b.kernel()),
                str(b.initramfs()),
                str(b.cmdline()),
                refs.id(Kind.VOLUME, str(b.volume()), "spec.boot.volume"));
        return new VmSpec(
                vcpus,
                memoryMib,
                resolved,
                refs.ids(Kind.VOLUME, list(volumes, "spec.volumes"), "spec.volumes"),
                refs.ids(Kind.NIC, list(nics, "spec.nics"), "spec.nics"),
                str(userData),
                list(sshKeys, "spec.sshKeys"),
                Fields.map(nodeSelector, "spec.nodeSelector"),
                str(antiAffinityGroup),
                str(hypervisor),
                desired == null ? VmSpec.DesiredState.RUNNING : desired,
                stopMode == null ? VmSpec.StopMode.GRACEFUL : stopMode,
                rebootGeneration);
    }
}
