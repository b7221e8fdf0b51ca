package dev.mvirt.vmm.model;

/** Bad input: names the field and what is wrong with it. */
public final class InvalidSpecException extends VmmException {
    private static final long serialVersionUID = 1L;
    private final String field;

    public InvalidSpecException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
