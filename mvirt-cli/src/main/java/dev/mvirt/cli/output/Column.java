package dev.mvirt.cli.output;

import com.fasterxml.jackson.databind.JsonNode;

/** One table column: its header, whether only {@code -o wide} shows it, and how to compute a cell. */
public record Column(String header, boolean wide, Cell cell) {
    /** Computes the text of one cell. */
    @FunctionalInterface
    public interface Cell {
        String of(JsonNode item, Lookup lookup, long nowMillis);
    }

    static Column of(String header, Cell cell) {
        return new Column(header, false, cell);
    }

    static Column wide(String header, Cell cell) {
        return new Column(header, true, cell);
    }
}
