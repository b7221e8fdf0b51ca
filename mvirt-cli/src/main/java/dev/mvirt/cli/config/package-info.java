/** Remotes in {@code config.yaml} and which endpoint, token and project a command uses (flags, env, file). */
@NullMarked
package dev.mvirt.cli.config;

import org.jspecify.annotations.NullMarked;
