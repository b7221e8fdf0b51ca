package dev.mvirt.vmm.console;

/** Receives a VM's console output; called on the console's reader thread, must not block. */
public interface ConsoleListener {
    void output(byte[] data);

    /** The VM's console ended (the VM stopped); no more output follows. */
    void ended();
}
