package dev.mvirt.api.state;

import java.util.AbstractSet;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.pcollections.AbstractUnmodifiableMap;
import org.pcollections.PMap;

/**
 * A persistent hash map: a hash array mapped trie (Bagwell), 32 ways per level, five bits of the key's hash per
 * level. A lookup in a table of a few thousand entries reads two or three small arrays, where pcollections'
 * {@code HashTreePMap} walks a binary tree (about ten nodes at 1,000 entries, each a likely cache miss); its
 * lookups were about a fifth of a follower's apply thread at 64 writing clients (README, "Raft timing", session
 * 18). A change copies the path to the entry (at most seven arrays of at most 32 slots) and shares the rest, so
 * older versions stay valid and readers of one revision never see the next.
 *
 * <p>Each level is a {@link Branch}: a 32-bit map of the slots in use and a dense array holding, per slot, either a
 * {@link Leaf} or a deeper {@code Branch}. Keys whose 32-bit hashes are equal end in a {@link Collision} node. A
 * removal that leaves a branch with one leaf hands the leaf up, so the trie stays as shallow as its keys need.
 * Iteration is in hash order (keys of equal hashes in the order they were added): the same keys give the same order
 * whatever else was added and removed before. Keys and values must not be null.
 */
public final class HashTrie<K, V> extends AbstractUnmodifiableMap<K, V> implements PMap<K, V> {
    private static final HashTrie<?, ?> EMPTY = new HashTrie<>(Branch.EMPTY, 0);
    private static final int BITS = 5;
    private static final int MASK = (1 << BITS) - 1;

    private final Branch root;
    private final int size;

    private HashTrie(Branch root, int size) {
        this.root = root;
        this.size = size;
    }

    /** The empty map. */
    @SuppressWarnings("unchecked")
    public static <K, V> HashTrie<K, V> empty() {
        return (HashTrie<K, V>) EMPTY;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean containsKey(@Nullable Object key) {
        return get(key) != null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public @Nullable V get(@Nullable Object key) {
        if (key == null) {
            return null;
        }
        int h = hash(key);
        Object node = root;
        for (int shift = 0; ; shift += BITS) {
            if (node instanceof Branch b) {
                int bit = 1 << ((h >>> shift) & MASK);
                if ((b.bitmap & bit) == 0) {
                    return null;
                }
                node = b.slots[Integer.bitCount(b.bitmap & (bit - 1))];
            } else if (node instanceof Leaf<?, ?> l) {
                return l.hash == h && l.key.equals(key) ? (V) l.value : null;
            } else {
                return (V) ((Collision) node).find(key);
            }
        }
    }

    @Override
    public HashTrie<K, V> plus(K key, V value) {
        Leaf<K, V> leaf = new Leaf<>(hash(key), key, value);
        Object[] grew = {Boolean.FALSE};
        Branch next = (Branch) plus(root, leaf, 0, grew);
        return next == root ? this : new HashTrie<>(next, grew[0] == Boolean.TRUE ? size + 1 : size);
    }

    @Override
    public HashTrie<K, V> plusAll(Map<? extends K, ? extends V> map) {
        HashTrie<K, V> out = this;
        for (Map.Entry<? extends K, ? extends V> e : map.entrySet()) {
            out = out.plus(e.getKey(), e.getValue());
        }
        return out;
    }

    @Override
    public HashTrie<K, V> minus(@Nullable Object key) {
        if (key == null) {
            return this;
        }
        // the root stays a branch: it never hands a lone leaf up (shift 0)
        Object next = minus(root, key, hash(key), 0);
        if (next == root) {
            return this;
        }
        return next == null ? empty() : new HashTrie<>((Branch) next, size - 1);
    }

    @Override
    public HashTrie<K, V> minusAll(Collection<?> keys) {
        HashTrie<K, V> out = this;
        for (Object k : keys) {
            out = out.minus(k);
        }
        return out;
    }

    @Override
    public Set<Map.Entry<K, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<K, V>> iterator() {
                return new Walk<>(root);
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    private static int hash(Object key) {
        int h = key.hashCode();
        return h ^ (h >>> 16);
    }

    /** {@code node} with {@code leaf} in it; {@code grew[0]} becomes TRUE if the key was new. */
    private static Object plus(Object node, Leaf<?, ?> leaf, int shift, Object[] grew) {
        if (node instanceof Branch b) {
            int bit = 1 << ((leaf.hash >>> shift) & MASK);
            int i = Integer.bitCount(b.bitmap & (bit - 1));
            if ((b.bitmap & bit) == 0) {
                grew[0] = Boolean.TRUE;
                return b.inserted(bit, i, leaf);
            }
            Object old = b.slots[i];
            Object next = plus(old, leaf, shift + BITS, grew);
            return next == old ? b : b.replaced(i, next);
        }
        if (node instanceof Leaf<?, ?> l) {
            if (l.hash == leaf.hash && l.key.equals(leaf.key)) {
                return l.value == leaf.value ? l : leaf;
            }
            grew[0] = Boolean.TRUE;
            return pair(l, leaf, shift);
        }
        Collision c = (Collision) node;
        if (c.hash != leaf.hash) {
            grew[0] = Boolean.TRUE;
            return Branch.of(c.hash, c, shift).with(leaf, shift);
        }
        return c.plus(leaf, grew);
    }

    /** The smallest subtree at {@code shift} holding two leaves of different keys. */
    private static Object pair(Leaf<?, ?> a, Leaf<?, ?> b, int shift) {
        if (a.hash == b.hash) {
            return new Collision(a.hash, new Leaf<?, ?>[] {a, b});
        }
        return Branch.of(a.hash, a, shift).with(b, shift);
    }

    /**
     * {@code node} without {@code key}: the same object if it was absent, null if nothing is left, a lone leaf if
     * one is left (the parent keeps it in place of the branch).
     */
    private static @Nullable Object minus(Object node, Object key, int h, int shift) {
        if (node instanceof Branch b) {
            int bit = 1 << ((h >>> shift) & MASK);
            if ((b.bitmap & bit) == 0) {
                return b;
            }
            int i = Integer.bitCount(b.bitmap & (bit - 1));
            Object old = b.slots[i];
            Object next = minus(old, key, h, shift + BITS);
            if (next == old) {
                return b;
            }
            if (next == null) {
                if (b.slots.length == 2 && !(b.slots[1 - i] instanceof Branch) && shift > 0) {
                    return b.slots[1 - i]; // one leaf (or collision) left: the parent holds it directly
                }
                return b.slots.length == 1 ? null : b.removed(bit, i);
            }
            if (b.slots.length == 1 && !(next instanceof Branch) && shift > 0) {
                return next;
            }
            return b.replaced(i, next);
        }
        if (node instanceof Leaf<?, ?> l) {
            return l.hash == h && l.key.equals(key) ? null : l;
        }
        return ((Collision) node).minus(key);
    }

    /** One key and its value, with the key's hash. */
    private record Leaf<K, V>(int hash, K key, V value) implements Map.Entry<K, V> {
        Leaf {
            if (key == null || value == null) {
                throw new NullPointerException("HashTrie holds no null keys or values");
            }
        }

        @Override
        public K getKey() {
            return key;
        }

        @Override
        public V getValue() {
            return value;
        }

        @Override
        public V setValue(V v) {
            throw new UnsupportedOperationException("a HashTrie's entries are immutable");
        }

        @Override
        public boolean equals(@Nullable Object o) {
            return o instanceof Map.Entry<?, ?> e && key.equals(e.getKey()) && value.equals(e.getValue());
        }

        @Override
        public int hashCode() {
            return key.hashCode() ^ value.hashCode(); // Map.Entry's contract
        }
    }

    /** A level of the trie: which of the 32 slots are in use, and their contents in slot order. */
    private static final class Branch {
        static final Branch EMPTY = new Branch(0, new Object[0]);

        final int bitmap;
        final Object[] slots;

        Branch(int bitmap, Object[] slots) {
            this.bitmap = bitmap;
            this.slots = slots;
        }

        /** A branch at {@code shift} holding only {@code node}, whose keys hash to {@code hash}. */
        static Branch of(int hash, Object node, int shift) {
            return new Branch(1 << ((hash >>> shift) & MASK), new Object[] {node});
        }

        /** This branch with {@code leaf} added below it. */
        Object with(Leaf<?, ?> leaf, int shift) {
            return plus(this, leaf, shift, new Object[1]);
        }

        Branch inserted(int bit, int i, Object node) {
            Object[] s = new Object[slots.length + 1];
            System.arraycopy(slots, 0, s, 0, i);
            s[i] = node;
            System.arraycopy(slots, i, s, i + 1, slots.length - i);
            return new Branch(bitmap | bit, s);
        }

        Branch replaced(int i, Object node) {
            Object[] s = slots.clone();
            s[i] = node;
            return new Branch(bitmap, s);
        }

        Branch removed(int bit, int i) {
            Object[] s = new Object[slots.length - 1];
            System.arraycopy(slots, 0, s, 0, i);
            System.arraycopy(slots, i + 1, s, i, slots.length - i - 1);
            return new Branch(bitmap & ~bit, s);
        }
    }

    /** Leaves whose keys have the same 32-bit hash, in insertion order. */
    private static final class Collision {
        final int hash;
        final Leaf<?, ?>[] leaves;

        Collision(int hash, Leaf<?, ?>[] leaves) {
            this.hash = hash;
            this.leaves = leaves;
        }

        @Nullable
        Object find(Object key) {
            for (Leaf<?, ?> l : leaves) {
                if (l.key.equals(key)) {
                    return l.value;
                }
            }
            return null;
        }

        Object plus(Leaf<?, ?> leaf, Object[] grew) {
            for (int i = 0; i < leaves.length; i++) {
                if (leaves[i].key.equals(leaf.key)) {
                    if (leaves[i].value == leaf.value) {
                        return this;
                    }
                    Leaf<?, ?>[] s = leaves.clone();
                    s[i] = leaf;
                    return new Collision(hash, s);
                }
            }
            grew[0] = Boolean.TRUE;
            Leaf<?, ?>[] s = java.util.Arrays.copyOf(leaves, leaves.length + 1);
            s[leaves.length] = leaf;
            return new Collision(hash, s);
        }

        /** Without {@code key}: this if absent, the last leaf if one is left. */
        Object minus(Object key) {
            for (int i = 0; i < leaves.length; i++) {
                if (leaves[i].key.equals(key)) {
                    if (leaves.length == 2) {
                        return leaves[1 - i];
                    }
                    Leaf<?, ?>[] s = new Leaf<?, ?>[leaves.length - 1];
                    System.arraycopy(leaves, 0, s, 0, i);
                    System.arraycopy(leaves, i + 1, s, i, leaves.length - i - 1);
                    return new Collision(hash, s);
                }
            }
            return this;
        }
    }

    /** Depth-first over the trie: slot order at each level, so hash order. */
    private static final class Walk<K, V> implements Iterator<Map.Entry<K, V>> {
        private final ArrayDeque<Object[]> arrays = new ArrayDeque<>();
        private final ArrayDeque<Integer> positions = new ArrayDeque<>();
        private @Nullable Leaf<K, V> next;

        Walk(Branch root) {
            arrays.push(root.slots);
            positions.push(0);
            advance();
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public Map.Entry<K, V> next() {
            Leaf<K, V> out = next;
            if (out == null) {
                throw new NoSuchElementException();
            }
            advance();
            return out;
        }

        @SuppressWarnings("unchecked")
        private void advance() {
            next = null;
            while (next == null && !arrays.isEmpty()) {
                Object[] a = arrays.peek();
                int i = positions.pop();
                if (i >= a.length) {
                    arrays.pop();
                    continue;
                }
                positions.push(i + 1);
                Object o = a[i];
                if (o instanceof Leaf<?, ?> l) {
                    next = (Leaf<K, V>) l;
                } else if (o instanceof Branch b) {
                    arrays.push(b.slots);
                    positions.push(0);
                } else {
                    arrays.push(((Collision) o).leaves);
                    positions.push(0);
                }
            }
        }
    }
}
