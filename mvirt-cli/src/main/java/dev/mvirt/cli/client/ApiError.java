package dev.mvirt.cli.client;

import java.util.Map;

/**
 * The API answered with a problem (RFC 9457): the HTTP status, the stable {@code code}, the server's detail, the
 * offending {@code field} ("" when none) and, for {@code no_capacity}, the reason per node.
 */
public final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String code;
    private final String field;
    private final transient Map<String, String> reasons;

    public ApiError(int status, String code, String detail, String field, Map<String, String> reasons) {
        super(detail);
        this.status = status;
        this.code = code;
        this.field = field;
        this.reasons = Map.copyOf(reasons);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }

    public Map<String, String> reasons() {
        return reasons;
    }
}
