package dev.mvirt.vmm.model;

/** The request conflicts with the current state: a taken id or name, or an operation the phase forbids. */
public final class ConflictException extends VmmException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }
}
