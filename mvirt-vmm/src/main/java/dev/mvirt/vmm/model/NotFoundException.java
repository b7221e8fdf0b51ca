package dev.mvirt.vmm.model;

/** No VM with that id. */
public final class NotFoundException extends VmmException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(VmId id) {
        super("vm " + id + " not found");
    }
}
