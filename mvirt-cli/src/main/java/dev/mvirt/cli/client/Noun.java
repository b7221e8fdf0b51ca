package dev.mvirt.cli.client;

import java.util.Optional;

/**
 * Every resource kind the REST API serves as a collection: its CLI noun, its plural (URL segment and event
 * {@code kind}), and whether it lives in a project.
 */
public enum Noun {
    PROJECT("project", "projects", false),
    NODE("node", "nodes", false),
    NETWORK("network", "networks", true),
    NIC("nic", "nics", true),
    VOLUME("volume", "volumes", true),
    TEMPLATE("template", "templates", true),
    SECURITY_GROUP("security-group", "securityGroups", true),
    VM("vm", "vms", true),
    LOCK("lock", "locks", false);

    private final String cli;
    private final String plural;
    private final boolean scoped;

    Noun(String cli, String plural, boolean scoped) {
        this.cli = cli;
        this.plural = plural;
        this.scoped = scoped;
    }

    /** The noun on the command line ({@code security-group}). */
    public String cli() {
        return cli;
    }

    /** The plural in URLs and events ({@code securityGroups}). */
    public String plural() {
        return plural;
    }

    /** Whether names are unique per project (and URLs carry the project). */
    public boolean scoped() {
        return scoped;
    }

    /** The collection URL path; {@code project} is ignored for cluster-wide kinds. */
    public String collection(String project) {
        return scoped ? "/api/v1/projects/" + Names.segment("project", project) + "/" + plural : "/api/v1/" + plural;
    }

    /** The URL path of one resource. */
    public String item(String project, String name) {
        return collection(project) + "/" + Names.segment(cli, name);
    }

    /** The noun whose plural (event kind) is {@code plural}. */
    public static Optional<Noun> byPlural(String plural) {
        for (Noun n : values()) {
            if (n.plural.equals(plural)) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }

    /** The noun named {@code cli} on the command line (singular or plural, as in {@code vms}). */
    public static Optional<Noun> byCli(String cli) {
        for (Noun n : values()) {
            if (n.cli.equals(cli) || (n.cli + "s").equals(cli) || n.plural.equalsIgnoreCase(cli)) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }
}
