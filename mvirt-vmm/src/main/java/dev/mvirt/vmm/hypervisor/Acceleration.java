package dev.mvirt.vmm.hypervisor;

/** Whether hardware virtualization really works for a stock guest, with the reason. */
public record Acceleration(boolean hardware, String detail) {

    /**
     * Decides from what the host shows: KVM works only with a read-write /dev/kvm, a vmx or svm CPU flag, and no
     * PVM module (a nested /dev/kvm on which a stock guest kernel hangs).
     */
    public static Acceleration probe(boolean devKvmUsable, String cpuinfo, boolean pvmLoaded) {
        if (!devKvmUsable) {
            return new Acceleration(false, "/dev/kvm missing or not read-write; using TCG");
        }
        if (pvmLoaded) {
            return new Acceleration(false, "/dev/kvm is PVM (kvm_pvm loaded), stock guests hang; using TCG");
        }
        boolean flag = cpuinfo.lines()
                .filter(l -> l.startsWith("flags"))
                .anyMatch(l -> l.contains(" vmx") || l.contains(" svm"));
        if (!flag) {
            return new Acceleration(false, "no vmx/svm flag in /proc/cpuinfo; using TCG");
        }
        return new Acceleration(true, "KVM");
    }
}
