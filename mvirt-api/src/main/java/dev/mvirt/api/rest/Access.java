package dev.mvirt.api.rest;

/** What an endpoint needs: nothing (probes), reading, writing, or administration (cluster, settings, tokens). */
enum Access {
    PUBLIC,
    READ,
    WRITE,
    ADMIN
}
