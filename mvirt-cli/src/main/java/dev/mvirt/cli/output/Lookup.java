package dev.mvirt.cli.output;

import dev.mvirt.cli.client.Noun;

/** Resolves ids in API answers to names for tables. Implementations cache; failures answer the id itself. */
@FunctionalInterface
public interface Lookup {
    /** The name of {@code noun} with {@code id} in {@code project}, or {@code id} when unknown. */
    String name(Noun noun, String project, String id);

    /** A lookup that shows ids as they are. */
    static Lookup none() {
        return (noun, project, id) -> id;
    }
}
