package dev.mvirt.node.daemon;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** An in-memory network daemon with made-up TAP names. Selected by {@code --net fake} (the default for now). */
public final class FakeNetDaemon implements NetDaemon {
    private final Map<String, NetworkRequest> networks = new ConcurrentHashMap<>();
    private final Map<String, NicState> nics = new ConcurrentHashMap<>();
    private final Map<String, List<RuleRequest>> groups = new ConcurrentHashMap<>();

    @Override
    public void ensureNetwork(String id, NetworkRequest request) {
        networks.put(id, request);
    }

    @Override
    public List<String> networkIds() {
        return new ArrayList<>(networks.keySet());
    }

    @Override
    public void deleteNetwork(String id) {
        networks.remove(id);
    }

    @Override
    public NicState ensureNic(String id, NicRequest request) {
        if (!networks.containsKey(request.network())) {
            throw new DaemonException("NIC " + id + ": network " + request.network() + " is not set up on this host");
        }
        return nics.computeIfAbsent(id, k -> new NicState(id, "tap" + id.substring(0, Math.min(8, id.length()))));
    }

    @Override
    public Optional<NicState> nic(String id) {
        return Optional.ofNullable(nics.get(id));
    }

    @Override
    public List<String> nicIds() {
        return new ArrayList<>(nics.keySet());
    }

    @Override
    public void deleteNic(String id) {
        nics.remove(id);
    }

    @Override
    public void ensureSecurityGroup(String id, List<RuleRequest> rules) {
        groups.put(id, List.copyOf(rules));
    }

    @Override
    public List<String> securityGroupIds() {
        return new ArrayList<>(groups.keySet());
    }

    @Override
    public void deleteSecurityGroup(String id) {
        groups.remove(id);
    }
}
