package dev.mvirt.api.codec;

/**
 * A write's id: the random writer id of the API server that proposed it ({@code high}, {@code low}) and its
 * sequence number there. A resend of the same write keeps its id, so the leader can answer it with the place the
 * first one got instead of applying it twice.
 */
public record WriteId(long high, long low, long seq) {}
