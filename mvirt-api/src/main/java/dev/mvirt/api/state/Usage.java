package dev.mvirt.api.state;

/** What the VMs placed on one node reserve: vCPUs, memory and their count. Stopped VMs keep their reservation. */
public record Usage(long vcpus, long memoryMib, int vms) {
    /** Nothing reserved. */
    public static final Usage NONE = new Usage(0, 0, 0);

    /** This plus one VM's reservation ({@code sign} +1) or minus it (-1). */
    public Usage plus(long cpu, long mem, int sign) {
        return new Usage(vcpus + sign * cpu, memoryMib + sign * mem, vms + sign);
    }
}
