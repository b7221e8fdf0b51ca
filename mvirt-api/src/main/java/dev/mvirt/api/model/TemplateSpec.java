package dev.mvirt.api.model;

import java.util.Optional;

/**
 * A base image imported on a host ({@code node} id) from {@code source}: an {@code http(s)://} URL or an absolute
 * file path on that host; {@code format} is {@code raw} or {@code qcow2}.
 */
public record TemplateSpec(String node, String source, String format) implements Spec {
    @Override
    public Kind kind() {
        return Kind.TEMPLATE;
    }

    @Override
    public Optional<FieldError> validate() {
        return Check.first(
                () -> node.isEmpty() ? Check.fail("spec.node", "is required") : Optional.empty(),
                this::checkSource,
                () -> format.equals("raw") || format.equals("qcow2")
                        ? Optional.empty()
                        : Check.fail("spec.format", "must be raw or qcow2"));
    }

    private Optional<FieldError> checkSource() {
        if (source.startsWith("http://") || source.startsWith("https://")) {
            boolean clean = source.length() <= 2048 && source.chars().allMatch(c -> c > 0x20 && c < 0x7f);
            return clean ? Optional.empty() : Check.fail("spec.source", "URL must be printable ASCII, at most 2048");
        }
        if (source.isEmpty()) {
            return Check.fail("spec.source", "is required");
        }
        return Check.path("spec.source", source);
    }
}
