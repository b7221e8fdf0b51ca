package dev.mvirt.vmm.hypervisor;

/**
 * How a hypervisor process ended. {@code status} is the exit status (128+N for signal N), or -1 when unknown
 * because the process was adopted from an earlier daemon and is not our child. {@code guestPowerOff} is true
 * when the hypervisor reported that the guest itself powered off.
 */
public record ProcessExit(int status, boolean guestPowerOff, String stderrTail) {
    public static final int UNKNOWN = -1;

    /** True when the process ended normally (status 0 or a guest power-off). */
    public boolean clean() {
        return status == 0 || guestPowerOff;
    }

    /** One line for humans: "exit status 1", "killed by signal 9", plus the tail of stderr. */
    public String describe() {
        String how;
        if (guestPowerOff) {
            how = "guest powered off";
        } else if (status == UNKNOWN) {
            how = "process exited (status unknown: adopted after a daemon restart)";
        } else if (status > 128) {
            how = "killed by signal " + (status - 128);
        } else {
            how = "exit status " + status;
        }
        return stderrTail.isBlank() ? how : how + "; stderr: " + stderrTail;
    }
}
