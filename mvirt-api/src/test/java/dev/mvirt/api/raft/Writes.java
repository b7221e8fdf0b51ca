package dev.mvirt.api.raft;

import dev.mvirt.api.model.ProjectSpec;
import dev.mvirt.api.state.Command;
import dev.mvirt.api.store.Caller;
import java.util.Map;
import java.util.UUID;

/** Small commands for the integration tests: one project per write, named uniquely. */
final class Writes {
    private Writes() {}

    static Command project(String name) {
        return new Command.Create(UUID.randomUUID().toString(), "", name, Map.of(), new ProjectSpec("it"));
    }

    static Caller caller() {
        return Caller.of("it");
    }
}
