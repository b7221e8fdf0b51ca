/**
 * Clients of the local daemons (mvirt-vmm, mvirt-zfs, mvirt-net), each an interface sized to what the reconcilers
 * need, with a fake in src/main selectable by flag ({@code --vmm fake} ...) for tests, machines without the
 * hardware and simulated hosts. Real clients speak gRPC over unix sockets.
 */
@NullMarked
package dev.mvirt.node.daemon;

import org.jspecify.annotations.NullMarked;
