package dev.mvirt.common.audit;

/**
 * One stored entry as read back.
 *
 * @param seq the position the log service gave it, increasing in commit order
 * @param entry the entry
 */
public record AuditRecord(long seq, AuditEntry entry) {}
