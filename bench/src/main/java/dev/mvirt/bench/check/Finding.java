package dev.mvirt.bench.check;

/** One violation found by check {@code check} on register {@code key} ("" when not about one key). */
public record Finding(String check, String key, String message) {
    @Override
    public String toString() {
        return check + (key.isEmpty() ? "" : " [" + key + "]") + ": " + message;
    }
}
