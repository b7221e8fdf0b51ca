package dev.mvirt.vmm.model;

/** The hypervisor could not do what was asked; the message says why (e.g. its exit status and stderr). */
public final class HypervisorException extends VmmException {
    private static final long serialVersionUID = 1L;

    public HypervisorException(String message) {
        super(message);
    }

    public HypervisorException(String message, Throwable cause) {
        super(message, cause);
    }
}
