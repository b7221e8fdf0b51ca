package dev.mvirt.api.store;

import dev.mvirt.api.model.NetworkSpec;
import dev.mvirt.api.model.NetworkStatus;
import dev.mvirt.api.model.Resource;
import java.util.Optional;

/** Networks: typed reads and IPAM figures. Changes go through {@link ResourceStore}. */
public interface NetworkStore extends StoreCore {

    /** A network by id. */
    default Optional<Resource<NetworkSpec, NetworkStatus>> network(String id) {
        return read().networks().get(id);
    }

    /** How many addresses the network has handed out. */
    default int allocatedAddresses(String networkId) {
        return read().allocatedAddresses(networkId);
    }
}
