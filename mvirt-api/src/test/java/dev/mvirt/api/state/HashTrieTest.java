package dev.mvirt.api.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HashTrieTest {
    /** A key whose hash is chosen, so that tests can make keys collide in some or all of their 32 bits. */
    private record Key(String name, int hash) {
        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.name.equals(name);
        }
    }

    @Test
    void randomChangesAgreeWithAHashMapAndLeaveOlderVersionsAlone() {
        Random random = new Random(42);
        // hashes: all distinct; 64 that agree in their low 10 bits after spreading (deep branches, and collisions
        // below them); 8 (long collision lists at the top)
        for (int mode = 0; mode < 3; mode++) {
            HashTrie<Key, Integer> trie = HashTrie.empty();
            Map<Key, Integer> model = new HashMap<>();
            List<HashTrie<Key, Integer>> versions = new ArrayList<>();
            List<Map<Key, Integer>> models = new ArrayList<>();
            for (int step = 0; step < 20_000; step++) {
                int n = random.nextInt(600);
                int hash = switch (mode) {
                    case 0 -> n * 0x9E3779B9;
                    case 1 -> (n % 64) << 26;
                    default -> n % 8;
                };
                Key k = new Key("k" + n, hash);
                if (random.nextInt(3) == 0) {
                    trie = trie.minus(k);
                    model.remove(k);
                } else {
                    int v = random.nextInt(5);
                    trie = trie.plus(k, v);
                    model.put(k, v);
                }
                assertThat(trie.size()).isEqualTo(model.size());
                assertThat(trie.get(k)).isEqualTo(model.get(k));
                if (step % 997 == 0) {
                    versions.add(trie);
                    models.add(Map.copyOf(model));
                }
            }
            assertThat(trie).isEqualTo(model);
            assertThat(new HashMap<>(trie)).isEqualTo(model);
            assertThat(trie.hashCode()).isEqualTo(model.hashCode());
            for (int i = 0; i < versions.size(); i++) {
                assertThat(versions.get(i)).as("version %d", i).isEqualTo(models.get(i));
            }
            for (Key k : model.keySet()) {
                trie = trie.minus(k);
            }
            assertThat(trie).isEmpty();
            assertThat(trie.entrySet().iterator().hasNext()).isFalse();
        }
    }

    @Test
    void theSameKeysIterateInTheSameOrderWhateverTheHistory() {
        HashTrie<String, Integer> a = HashTrie.empty();
        HashTrie<String, Integer> b = HashTrie.empty();
        for (int i = 0; i < 2_000; i++) {
            a = a.plus("id-" + i, i);
            b = b.plus("id-" + (1_999 - i), 1_999 - i).plus("gone-" + i, i);
        }
        for (int i = 0; i < 2_000; i++) {
            b = b.minus("gone-" + i);
        }
        assertThat(new ArrayList<>(b.keySet())).isEqualTo(new ArrayList<>(a.keySet()));
    }

    @Test
    void unchangedMapsAreTheSameObject() {
        HashTrie<String, String> m = HashTrie.<String, String>empty().plus("a", "1");
        String one = m.get("a");
        assertThat(m.plus("a", one)).isSameAs(m);
        assertThat(m.minus("b")).isSameAs(m);
        assertThat(m.minus(null)).isSameAs(m);
        assertThat(m.get(null)).isNull();
        assertThat(m.containsKey("a")).isTrue();
        assertThat(m.containsKey("b")).isFalse();
        assertThat(m.plusAll(Map.of("b", "2", "c", "3")).minusAll(List.of("a", "b")))
                .isEqualTo(Map.of("c", "3"));
    }

    @Test
    void refusesNullsAndChangesInPlace() {
        HashTrie<String, String> m = HashTrie.empty();
        assertThatThrownBy(() -> m.plus("a", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> m.put("a", "1")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> m.plus("a", "1").entrySet().iterator().next().setValue("2"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
