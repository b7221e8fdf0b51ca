/**
 * Leader-only control loops: node liveness from heartbeats held in the leader's memory, lock expiry, and the drain
 * of hosts. Each controller is a {@link dev.mvirt.api.controller.Controller} whose {@code tick} reads the local
 * state and proposes commands; {@link dev.mvirt.api.controller.ControllerLoop} runs the ticks on the leader only,
 * on an injected scheduler and clock, so tests drive them without sleeping.
 */
@NullMarked
package dev.mvirt.api.controller;

import org.jspecify.annotations.NullMarked;
