package dev.mvirt.api.console;

/**
 * What a client asks for when it attaches to a VM's console.
 *
 * @param vmId the VM's id
 * @param replayBytes recent output to replay first (0 with {@code skipReplay} false: the host's default)
 * @param skipReplay replay nothing
 * @param force end every other session of this VM on its host first
 * @param cols the client's window width, 0 when unknown
 * @param rows the client's window height, 0 when unknown
 */
public record AttachRequest(String vmId, int replayBytes, boolean skipReplay, boolean force, int cols, int rows) {}
