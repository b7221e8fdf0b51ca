package dev.mvirt.api.rest;

import java.util.LinkedHashMap;
import java.util.Map;

/** An RFC 9457 problem document with mvirt's stable {@code code} and the {@code requestId}. */
final class Problem {
    static final String CONTENT_TYPE = "application/problem+json";

    private Problem() {}

    /** The members in a stable order: type, title, status, detail, instance, code, requestId, then extras. */
    static Map<String, Object> of(
            int status, String code, String detail, String instance, String requestId, Map<String, Object> extra) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "urn:mvirt:problem:" + code);
        m.put("title", title(status));
        m.put("status", status);
        m.put("detail", detail);
        m.put("instance", instance);
        m.put("code", code);
        m.put("requestId", requestId);
        m.putAll(extra);
        return m;
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 410 -> "Gone";
            case 412 -> "Precondition Failed";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Content";
            case 429 -> "Too Many Requests";
            case 501 -> "Not Implemented";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> status >= 500 ? "Internal Server Error" : "Error";
        };
    }
}
