/** {@code mvirt shell}: a JLine shell over the command tree, completing commands, flags and resource names. */
@NullMarked
package dev.mvirt.cli.shell;

import org.jspecify.annotations.NullMarked;
