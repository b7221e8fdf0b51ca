package dev.mvirt.log.model;

/** Severity of a log entry. AUDIT marks a state change; the others follow syslog names. */
public enum Level {
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
