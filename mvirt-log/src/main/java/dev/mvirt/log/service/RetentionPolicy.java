package dev.mvirt.log.service;

import java.time.Duration;

/**
 * How long and how much the log keeps. A zero {@code maxAge} or {@code maxBytes} disables that limit.
 *
 * @param chunk entries deleted per transaction, so a retention pass never holds the writer for long
 * @param interval how often the writer checks while busy (it also checks whenever it is idle)
 */
public record RetentionPolicy(Duration maxAge, long maxBytes, int chunk, Duration interval) {
    public RetentionPolicy {
        if (maxAge.isNegative() || maxBytes < 0 || chunk < 1) {
            throw new IllegalArgumentException("retention: negative age or size, or chunk < 1");
        }
    }

    /** Keep everything. */
    public static RetentionPolicy none() {
        return new RetentionPolicy(Duration.ZERO, 0, 1000, Duration.ofSeconds(1));
    }
}
