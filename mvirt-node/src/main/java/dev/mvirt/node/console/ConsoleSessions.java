package dev.mvirt.node.console;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live console sessions on this host, by VM, from every API server. The sharing policy lives here: a second
 * attach shares the VM's console (all see output, all may type); a forced attach first ends every other session of
 * the VM with {@link #TAKEN_OVER}. Thread-safe.
 */
final class ConsoleSessions {
    /** Close reason of a session ended by a forced attach. */
    static final String TAKEN_OVER = "taken over by another console attach";

    private final Map<String, Set<ConsoleRelay>> byVm = new ConcurrentHashMap<>();

    /** Adds {@code relay}; with {@code force}, ends the VM's other sessions first. */
    void add(String vm, ConsoleRelay relay, boolean force) {
        List<ConsoleRelay> others;
        synchronized (this) {
            Set<ConsoleRelay> set = byVm.computeIfAbsent(vm, k -> ConcurrentHashMap.newKeySet());
            others = force ? List.copyOf(set) : List.of();
            set.removeAll(others);
            set.add(relay);
        }
        others.forEach(r -> r.end(TAKEN_OVER));
    }

    synchronized void remove(String vm, ConsoleRelay relay) {
        Set<ConsoleRelay> set = byVm.get(vm);
        if (set != null && set.remove(relay) && set.isEmpty()) {
            byVm.remove(vm);
        }
    }

    /** How many sessions the VM has. */
    int count(String vm) {
        return byVm.getOrDefault(vm, Set.of()).size();
    }

    /** Ends every session with {@code reason}. */
    void endAll(String reason) {
        List<ConsoleRelay> all;
        synchronized (this) {
            all = byVm.values().stream().flatMap(Set::stream).toList();
            byVm.clear();
        }
        all.forEach(r -> r.end(reason));
    }
}
