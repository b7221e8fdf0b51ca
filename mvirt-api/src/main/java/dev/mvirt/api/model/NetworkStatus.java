package dev.mvirt.api.model;

/** Networks have no observed state of their own; allocation counts are derived from NICs when read. */
public record NetworkStatus() implements Status {
    @Override
    public Kind kind() {
        return Kind.NETWORK;
    }
}
