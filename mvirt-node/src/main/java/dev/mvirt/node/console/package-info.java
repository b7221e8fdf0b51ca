/**
 * The agent's side of the console path: one outbound ConsoleRequests channel per API server, and per ConsoleOpen a
 * ConsoleSession call relaying bytes between that server and the hypervisor daemon. Enforces the sharing policy.
 */
@NullMarked
package dev.mvirt.node.console;

import org.jspecify.annotations.NullMarked;
