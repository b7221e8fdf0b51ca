/** The Picocli command tree: {@code mvirt <noun> <verb>}, exit codes, waiting, watching and confirmation. */
@NullMarked
package dev.mvirt.cli.command;

import org.jspecify.annotations.NullMarked;
