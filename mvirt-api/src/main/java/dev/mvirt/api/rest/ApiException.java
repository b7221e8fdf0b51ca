package dev.mvirt.api.rest;

import java.util.Map;

/**
 * A request that ends in a problem answer: HTTP {@code status}, a stable {@code code}, a message safe to show, and
 * extra problem members ({@code field}, {@code expected}, ...). Thrown by handlers, rendered by {@link ErrorMapper}.
 */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String code;
    private final String detail;
    private final transient Map<String, Object> extra;

    ApiException(int status, String code, String message, Map<String, Object> extra) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.detail = message;
        this.extra = Map.copyOf(extra);
    }

    ApiException(int status, String code, String message) {
        this(status, code, message, Map.of());
    }

    /** 400: the request cannot be read (field is a dotted path, "" when unknown). */
    static ApiException malformed(String field, String message) {
        return new ApiException(400, "malformed", message, field.isEmpty() ? Map.of() : Map.of("field", field));
    }

    /** 422: the request is well-formed but a value is refused. */
    static ApiException invalid(String field, String message) {
        return new ApiException(422, "invalid", message, Map.of("field", field));
    }

    /** 404 for a named resource. */
    static ApiException notFound(String what) {
        return new ApiException(404, "not_found", what + " not found");
    }

    /** The message, safe to show. */
    String detail() {
        return detail;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    Map<String, Object> extra() {
        return extra;
    }
}
