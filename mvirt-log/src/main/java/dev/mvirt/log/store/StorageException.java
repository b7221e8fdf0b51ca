package dev.mvirt.log.store;

import dev.mvirt.log.model.LogException;

/** The database failed; the message names the operation and file. Never shown to clients verbatim. */
public final class StorageException extends LogException {
    private static final long serialVersionUID = 1L;

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
