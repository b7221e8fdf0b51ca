package dev.mvirt.api.state;

import dev.mvirt.api.model.Kind;

/**
 * The first successful result of a request sent with an idempotency key: the hash of its body, the resource it
 * concerned ({@code kind}/{@code id}; "" for none), the revision it produced and when (command time, for expiry).
 */
public record IdempotencyRecord(
        String key, String requestHash, Kind kind, String resourceId, long revision, long timeMillis) {}
