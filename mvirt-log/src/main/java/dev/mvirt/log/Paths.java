package dev.mvirt.log;

import java.nio.file.Path;

/** Checks paths given on the command line before they are used. */
final class Paths {
    /** sun_path holds 108 bytes including the terminating NUL. */
    static final int MAX_SOCKET = 107;

    private Paths() {}

    /**
     * {@code text} as an absolute, normalized path.
     *
     * @throws IllegalArgumentException naming {@code flag} when it is empty, relative, too long, contains {@code ..}
     *     or control characters
     */
    static Path check(String flag, String text, int maxLength) {
        if (text.isEmpty() || text.length() > maxLength) {
            throw new IllegalArgumentException(flag + ": must be 1 to " + maxLength + " characters");
        }
        if (text.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException(flag + ": contains control characters");
        }
        Path p = Path.of(text);
        if (!p.isAbsolute()) {
            throw new IllegalArgumentException(flag + ": must be an absolute path");
        }
        for (Path part : p) {
            if (part.toString().equals("..")) {
                throw new IllegalArgumentException(flag + ": must not contain ..");
            }
        }
        return p.normalize();
    }
}
