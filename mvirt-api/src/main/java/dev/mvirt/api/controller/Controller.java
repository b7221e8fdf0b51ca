package dev.mvirt.api.controller;

/**
 * One leader-only control loop. {@link ControllerLoop} calls {@link #tick} periodically on one thread, and only
 * while this API server leads; a tick reads the local state, proposes commands without waiting for them, and
 * returns. A tick that throws is logged and retried at the next period.
 */
public interface Controller {

    /** Looks at the state and proposes what is due. Called on the loop's thread only. */
    void tick();

    /** This server became leader ({@code true}) or stopped being leader; called on the loop's thread. */
    default void leadership(boolean leading) {}
}
