package dev.mvirt.api.model;

/** Import progress of a template. */
public enum TemplatePhase {
    PENDING,
    IMPORTING,
    READY,
    FAILED
}
