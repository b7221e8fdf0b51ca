package dev.mvirt.api.model;

/** Why a value is refused: the field (dotted path such as {@code spec.vcpus}) and the reason. */
public record FieldError(String field, String reason) {
    @Override
    public String toString() {
        return field + ": " + reason;
    }
}
