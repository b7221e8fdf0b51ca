package dev.mvirt.vmm.hypervisor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccelerationTest {
    private static final String VMX = "processor : 0\nflags : fpu vme vmx sse\n";
    private static final String NONE = "processor : 0\nflags : fpu vme sse hypervisor\n";

    @Test
    void kvmNeedsDeviceFlagAndNoPvm() {
        assertThat(Acceleration.probe(true, VMX, false).hardware()).isTrue();
        assertThat(Acceleration.probe(false, VMX, false).detail()).contains("/dev/kvm");
        assertThat(Acceleration.probe(true, NONE, false).detail()).contains("no vmx/svm");
        assertThat(Acceleration.probe(true, VMX, true).detail()).contains("PVM");
        assertThat(Acceleration.probe(true, VMX, true).hardware()).isFalse();
    }
}
