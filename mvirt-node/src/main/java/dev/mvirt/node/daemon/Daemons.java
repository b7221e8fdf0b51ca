package dev.mvirt.node.daemon;

import dev.mvirt.common.grpc.Endpoint;

/**
 * Chooses the daemon clients from the {@code --vmm}, {@code --zfs} and {@code --net} flags: {@code fake} or
 * {@code unix:PATH} (or {@code HOST:PORT}). mvirt-zfs and mvirt-net are not built yet, so asking for a real one
 * fails with a message saying so instead of pretending.
 */
public final class Daemons {
    private Daemons() {}

    /** The VM daemon client for {@code flag}; {@code fakeHost} sizes the fake. */
    public static VmDaemon vm(String flag, HostInfo fakeHost) {
        return flag.equals("fake") ? new FakeVmDaemon(fakeHost) : new GrpcVmDaemon(endpoint("--vmm", flag));
    }

    /** The storage daemon client for {@code flag}. */
    public static StorageDaemon storage(String flag) {
        if (flag.equals("fake")) {
            return new FakeStorageDaemon();
        }
        endpoint("--zfs", flag);
        throw new IllegalArgumentException(
                "--zfs " + flag + ": the mvirt-zfs client is not built yet; use --zfs fake for now");
    }

    /** The network daemon client for {@code flag}. */
    public static NetDaemon net(String flag) {
        if (flag.equals("fake")) {
            return new FakeNetDaemon();
        }
        endpoint("--net", flag);
        throw new IllegalArgumentException(
                "--net " + flag + ": the mvirt-net client is not built yet; use --net fake for now");
    }

    private static Endpoint endpoint(String option, String flag) {
        try {
            return Endpoint.parse(flag);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": expected fake or unix:PATH, " + e.getMessage(), e);
        }
    }
}
