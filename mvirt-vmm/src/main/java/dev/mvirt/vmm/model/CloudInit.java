package dev.mvirt.vmm.model;

import java.util.List;

/** What goes into the VM's NoCloud seed; {@code networkConfig} empty means none is written. */
public record CloudInit(String hostname, String userData, List<String> sshAuthorizedKeys, String networkConfig) {
    public CloudInit {
        sshAuthorizedKeys = List.copyOf(sshAuthorizedKeys);
    }
}
