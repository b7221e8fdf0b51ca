/** {@code mvirt tui}: a k9s-like Lanterna terminal UI fed by lists and the event stream. */
@NullMarked
package dev.mvirt.cli.tui;

import org.jspecify.annotations.NullMarked;
