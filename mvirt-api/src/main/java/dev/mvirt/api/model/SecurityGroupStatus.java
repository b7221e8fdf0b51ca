package dev.mvirt.api.model;

/** What hosts report for a security group: phase and a message on failure. */
public record SecurityGroupStatus(ResourcePhase phase, String message) implements Status {
    @Override
    public Kind kind() {
        return Kind.SECURITY_GROUP;
    }
}
