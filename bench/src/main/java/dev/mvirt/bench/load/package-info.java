/** Load generation (closed loop, fixed rate), latency histograms, CPU per operation, failover windows. */
@NullMarked
package dev.mvirt.bench.load;

import org.jspecify.annotations.NullMarked;
