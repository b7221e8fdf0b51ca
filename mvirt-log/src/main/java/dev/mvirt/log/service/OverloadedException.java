package dev.mvirt.log.service;

import dev.mvirt.log.model.LogException;

/** The writer queue is full; the client should retry with backoff. */
public final class OverloadedException extends LogException {
    private static final long serialVersionUID = 1L;

    public OverloadedException(String message) {
        super(message);
    }
}
