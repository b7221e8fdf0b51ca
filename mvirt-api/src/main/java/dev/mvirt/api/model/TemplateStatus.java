package dev.mvirt.api.model;

/** What the host reports while importing a template: phase, bytes done and in total, a message on failure. */
public record TemplateStatus(TemplatePhase phase, long progressBytes, long sizeBytes, String message)
        implements Status {
    @Override
    public Kind kind() {
        return Kind.TEMPLATE;
    }
}
