/** cloud-init NoCloud seed images, built without mounting anything. */
@NullMarked
package dev.mvirt.vmm.seed;

import org.jspecify.annotations.NullMarked;
