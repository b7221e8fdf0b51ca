package dev.mvirt.common.audit;

/** Severity of an audit entry. AUDIT marks a state change; the others follow syslog names. */
public enum AuditLevel {
    AUDIT,
    DEBUG,
    INFO,
    NOTICE,
    WARN,
    ERROR,
    CRITICAL,
    ALERT,
    EMERGENCY
}
