/** Clusters of real server processes on loopback (mvirt-api, etcd) and the faults injected into them. */
@NullMarked
package dev.mvirt.bench.cluster;

import org.jspecify.annotations.NullMarked;
