package dev.mvirt.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class MetaTest {
    @Test
    void labelsAreACopyTheCallerCannotChange() {
        TreeMap<String, String> given = new TreeMap<>(Map.of("b", "2", "a", "1"));
        Meta meta = new Meta("id", "p", "n", given, 1, 1);
        given.put("c", "3");

        assertThat(meta.labels()).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
        assertThatThrownBy(() -> meta.labels().put("d", "4")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void versionsShareTheirLabelsUntilTheyChange() {
        Meta meta = new Meta("id", "p", "n", new TreeMap<>(Map.of("a", "1")), 1, 1);

        assertThat(meta.withRevision(2).labels()).isSameAs(meta.labels());
        Meta relabelled = meta.withLabels(Map.of("a", "2"), 3);
        assertThat(relabelled.labels()).containsExactly(Map.entry("a", "2"));
        assertThat(meta.labels()).containsExactly(Map.entry("a", "1"));
    }

    @Test
    void resourcesWithoutLabelsShareOneEmptyMap() {
        Meta one = new Meta("1", "p", "a", new TreeMap<>(), 1, 1);
        Meta two = new Meta("2", "p", "b", new TreeMap<>(), 1, 1);

        assertThat(one.labels()).isEmpty();
        assertThat(one.labels()).isSameAs(two.labels());
        assertThat(one.withLabels(Map.of(), 2).labels()).isSameAs(one.labels());
    }

    @Test
    void equalLabelsMakeEqualMetasWhateverMapTheyCameIn() {
        Meta fromTree = new Meta("id", "p", "n", new TreeMap<>(Map.of("a", "1")), 1, 1);
        Meta fromMap = new Meta("id", "p", "n", new TreeMap<>(Map.of("a", "1")), 1, 1).withLabels(Map.of("a", "1"), 1);

        assertThat(fromMap).isEqualTo(fromTree);
        assertThat(fromTree.labels()).isEqualTo(Map.of("a", "1"));
    }
}
