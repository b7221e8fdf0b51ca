package dev.mvirt.log.service;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** The highest committed seq, and a way for followers to wait until it moves past what they have seen. */
public final class CommitSignal {
    private long lastSeq;
    private boolean closed;

    CommitSignal(long lastSeq) {
        this.lastSeq = lastSeq;
    }

    synchronized void advance(long seq) {
        if (seq > lastSeq) {
            lastSeq = seq;
            notifyAll();
        }
    }

    synchronized void close() {
        closed = true;
        notifyAll();
    }

    /** Whether the writer has stopped: no more commits will come. */
    public synchronized boolean closed() {
        return closed;
    }

    /** The highest committed seq. */
    public synchronized long lastSeq() {
        return lastSeq;
    }

    /**
     * Waits until a seq above {@code seen} is committed, the writer closes, or {@code timeout} passes.
     *
     * @return whether a seq above {@code seen} is committed
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public synchronized boolean awaitBeyond(long seen, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (lastSeq <= seen && !closed) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return lastSeq > seen;
    }
}
