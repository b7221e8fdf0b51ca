package dev.mvirt.api.state;

import java.util.List;

/** What {@link ClusterState#apply} returns: the next state, the command's result and the events it caused. */
public record Applied(ClusterState state, Result result, List<Event> events) {
    public Applied {
        events = List.copyOf(events);
    }
}
