package dev.mvirt.vmm.model;

/** A VM with that id or name exists already. */
public final class AlreadyExistsException extends VmmException {
    private static final long serialVersionUID = 1L;

    public AlreadyExistsException(String message) {
        super(message);
    }
}
