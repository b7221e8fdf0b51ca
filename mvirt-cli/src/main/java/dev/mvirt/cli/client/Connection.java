package dev.mvirt.cli.client;

import java.net.URI;

/** Where the API is and the bearer token to send ("" sends none). */
public record Connection(URI endpoint, String token) {
    /** The endpoint as given, validated as an absolute http(s) URL. */
    public static Connection of(String endpoint, String token) {
        URI uri;
        try {
            uri = URI.create(endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("endpoint '" + Names.printable(endpoint) + "' is not a URL", e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme();
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    "endpoint '" + Names.printable(endpoint) + "' must be an http:// or https:// URL with a host");
        }
        if (token.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new IllegalArgumentException("the token contains spaces or control characters");
        }
        return new Connection(uri, token);
    }
}
