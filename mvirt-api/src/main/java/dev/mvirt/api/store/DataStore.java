package dev.mvirt.api.store;

/**
 * Everything handlers may do with the cluster state, composed of one small interface per domain. Implementations
 * provide only the {@link StoreCore} methods.
 */
public interface DataStore
        extends ResourceStore, NodeStore, NetworkStore, NicStore, VolumeStore, VmStore, SystemStore {}
