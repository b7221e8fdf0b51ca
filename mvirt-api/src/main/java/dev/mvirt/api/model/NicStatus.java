package dev.mvirt.api.model;

/** What the host reports for a NIC: phase, the node it lives on, its TAP device, and a message on failure. */
public record NicStatus(ResourcePhase phase, String node, String tap, String message) implements Status {
    @Override
    public Kind kind() {
        return Kind.NIC;
    }
}
