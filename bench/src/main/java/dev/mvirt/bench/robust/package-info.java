/** The robustness run: register clients and watchers against a 3-peer mvirt cluster under faults, then the checks. */
@NullMarked
package dev.mvirt.bench.robust;

import org.jspecify.annotations.NullMarked;
