package dev.mvirt.api.model;

/** Every kind of resource the cluster state holds. {@link #projectScoped()} kinds have names unique per project. */
public enum Kind {
    PROJECT(false, "projects"),
    NODE(false, "nodes"),
    NETWORK(true, "networks"),
    NIC(true, "nics"),
    VOLUME(true, "volumes"),
    TEMPLATE(true, "templates"),
    SECURITY_GROUP(true, "securityGroups"),
    VM(true, "vms"),
    LOCK(false, "locks");

    private final boolean projectScoped;
    private final String plural;

    Kind(boolean projectScoped, String plural) {
        this.projectScoped = projectScoped;
        this.plural = plural;
    }

    /** True when the resource lives in a project. */
    public boolean projectScoped() {
        return projectScoped;
    }

    /** The plural camelCase noun used in URLs and messages. */
    public String plural() {
        return plural;
    }
}
