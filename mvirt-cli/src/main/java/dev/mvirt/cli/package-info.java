/** mvirt-cli: the {@code mvirt} command; {@link dev.mvirt.cli.Main} wires the layers below. */
@NullMarked
package dev.mvirt.cli;

import org.jspecify.annotations.NullMarked;
