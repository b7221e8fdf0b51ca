package dev.mvirt.vmm.model;

import java.util.UUID;
import java.util.regex.Pattern;

/** A VM's id: chosen by the caller (normally a UUID), safe to use as a file name and on a command line. */
public record VmId(String value) {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    public VmId {
        if (!VALID.matcher(value).matches()) {
            throw new InvalidSpecException("id", "must match " + VALID.pattern());
        }
    }

    /** A fresh random id. */
    public static VmId random() {
        return new VmId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
