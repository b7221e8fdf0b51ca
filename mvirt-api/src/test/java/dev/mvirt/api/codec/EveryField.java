package dev.mvirt.api.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;

/** Asserts that a sample record has every field, recursively, set to a value other than the protobuf default. */
final class EveryField {
    private EveryField() {}

    static void assertSet(Object value, String path) {
        switch (value) {
            case String s -> assertThat(s).as(path).isNotEmpty();
            case Boolean b -> assertThat(b).as(path).isTrue();
            case Number n -> assertThat(n.longValue()).as(path).isNotZero();
            case Map<?, ?> m -> assertThat(m).as(path).isNotEmpty();
            case Collection<?> c -> {
                assertThat(c).as(path).isNotEmpty();
                c.forEach(e -> assertSet(e, path + "[]"));
            }
            case Record r -> components(r, path);
            default -> {
                // enums: every Java constant is non-zero on the wire
            }
        }
    }

    private static void components(Record r, String path) {
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            try {
                assertSet(c.getAccessor().invoke(r), path + "." + c.getName());
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new LinkageError(path + "." + c.getName(), e);
            }
        }
    }
}
