package dev.mvirt.vmm.service;

import dev.mvirt.vmm.model.Vm;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Fans VM changes out to watchers; listeners are called on the changing thread and must not block. */
public final class VmEvents {
    /** A watcher of VM changes. */
    public interface Listener {
        void changed(Vm vm, boolean deleted);
    }

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    public void add(Listener l) {
        listeners.add(l);
    }

    public void remove(Listener l) {
        listeners.remove(l);
    }

    void publish(Vm vm, boolean deleted) {
        for (Listener l : listeners) {
            l.changed(vm, deleted);
        }
    }
}
