package dev.mvirt.api.model;

import java.util.Optional;

/**
 * How a VM boots: directly from {@code kernel} (+ {@code initramfs}, {@code cmdline}) paths on the host, or from
 * the volume {@code volume} (an id). Exactly one of kernel and volume is set.
 */
public record Boot(String kernel, String initramfs, String cmdline, String volume) {

    /** True for a direct kernel boot. */
    public boolean direct() {
        return !kernel.isEmpty();
    }

    /** The first problem; fields are under {@code spec.boot}. */
    public Optional<FieldError> validate() {
        if (kernel.isEmpty() == volume.isEmpty()) {
            return Check.fail("spec.boot", "give either kernel or volume");
        }
        if (!direct() && (!initramfs.isEmpty() || !cmdline.isEmpty())) {
            return Check.fail("spec.boot.initramfs", "initramfs and cmdline need a kernel");
        }
        return Check.first(
                () -> Check.path("spec.boot.kernel", kernel),
                () -> Check.path("spec.boot.initramfs", initramfs),
                () -> Check.text("spec.boot.cmdline", cmdline, 4096),
                () -> cmdline.chars().anyMatch(c -> c < 0x20)
                        ? Check.fail("spec.boot.cmdline", "must not contain control characters")
                        : Optional.empty());
    }
}
