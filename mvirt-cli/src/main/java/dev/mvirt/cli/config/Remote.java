package dev.mvirt.cli.config;

/** A named API endpoint with the token to use there and the default project ("" for the built-in default). */
public record Remote(String endpoint, String token, String project) {}
