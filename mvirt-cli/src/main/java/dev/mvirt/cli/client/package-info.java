/** The REST client: requests with bearer tokens, problem+json errors, the event stream and the console socket. */
@NullMarked
package dev.mvirt.cli.client;

import org.jspecify.annotations.NullMarked;
