/** Rendering API objects as tables, JSON, YAML or names. */
@NullMarked
package dev.mvirt.cli.output;

import org.jspecify.annotations.NullMarked;
