/**
 * Console sessions through the API: agents' console channels per node, pending sessions waiting for the agent's
 * answer, and the links relaying bytes between a WebSocket client and the agent. No protocol types here.
 */
@NullMarked
package dev.mvirt.api.console;

import org.jspecify.annotations.NullMarked;
