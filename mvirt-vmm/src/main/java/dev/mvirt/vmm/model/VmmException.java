package dev.mvirt.vmm.model;

/** Base of mvirt-vmm's unchecked exceptions; the gRPC edge maps each subclass to one status code. */
public abstract class VmmException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected VmmException(String message) {
        super(message);
    }

    protected VmmException(String message, Throwable cause) {
        super(message, cause);
    }
}
