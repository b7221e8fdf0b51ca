/** VM lifecycle over a Hypervisor: validation, start/stop/kill, exit handling, re-adoption after restart. */
@NullMarked
package dev.mvirt.vmm.service;

import org.jspecify.annotations.NullMarked;
