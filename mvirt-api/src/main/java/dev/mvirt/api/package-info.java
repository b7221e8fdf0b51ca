/** mvirt-api: the control plane. {@code Main} wires the packages below; it holds no logic. */
@NullMarked
package dev.mvirt.api;

import org.jspecify.annotations.NullMarked;
