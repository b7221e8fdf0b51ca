package dev.mvirt.api.rest;

import java.util.List;

/**
 * Who is calling: the token's {@code name} (the actor recorded with every command), its {@code access} level and
 * the {@code projects} it is limited to (empty: all).
 */
record Principal(String name, Access access, List<String> projects) {
    public Principal {
        projects = List.copyOf(projects);
    }

    /** True when the principal may act in {@code project}. */
    boolean inProject(String project) {
        return projects.isEmpty() || projects.contains(project);
    }
}
