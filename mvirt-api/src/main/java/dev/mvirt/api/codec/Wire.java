package dev.mvirt.api.codec;

import com.google.protobuf.UnknownFieldSet;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Small helpers shared by the mapping classes. */
final class Wire {
    private Wire() {}

    /** {@code map} in key order, so the same map always encodes to the same bytes. */
    static Map<String, String> sorted(Map<String, String> map) {
        return map instanceof SortedMap<String, String> || map.size() < 2 ? map : new TreeMap<>(map);
    }

    /** A decoded map: unmodifiable and in key order, so every peer iterates it the same way. */
    static SortedMap<String, String> map(Map<String, String> wire) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(wire));
    }

    /** Refuses a required message that is absent. */
    static void require(boolean present, String field) {
        if (!present) {
            throw new CodecException(field + ": required message is missing");
        }
    }

    /**
     * Why a oneof has no case: none was written, or the writer used a case this version does not know (protobuf
     * keeps it among the unknown fields).
     */
    static CodecException unset(String field, UnknownFieldSet unknown) {
        if (unknown.asMap().isEmpty()) {
            return new CodecException(field + ": not set");
        }
        return new CodecException(field + ": not set; the message has fields unknown to this version "
                + unknown.asMap().keySet() + " (written by a newer version?)");
    }
}
