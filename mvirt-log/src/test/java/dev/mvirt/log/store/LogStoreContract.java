package dev.mvirt.log.store;

import static dev.mvirt.log.store.Fixtures.entry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mvirt.log.model.Cursor;
import dev.mvirt.log.model.Entry;
import dev.mvirt.log.model.Level;
import dev.mvirt.log.model.LogQuery;
import dev.mvirt.log.model.Page;
import dev.mvirt.log.model.StoredEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link LogStore} shares; one subclass per implementation. */
abstract class LogStoreContract {
    protected LogStore store;

    protected abstract LogStore newStore();

    @BeforeEach
    void open() {
        store = newStore();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void append(Entry... entries) {
        store.append(List.of(List.of(entries)));
    }

    private static List<String> messages(Page page) {
        return page.entries().stream().map(s -> s.entry().message()).toList();
    }

    private static LogQuery q(String objectId, long since, long until, int limit) {
        return new LogQuery(objectId, "", "", Set.of(), since, until, "", limit, new Cursor(0), false);
    }

    @Test
    void storesEverythingItIsGivenAndReadsItBackIntact() {
        Entry e = new Entry(
                "id-1",
                42,
                Level.WARN,
                "vmm",
                "node-1",
                "started",
                List.of("vm-1", "n-1"),
                Map.of("pid", "7", "quote", "a\"b"));
        var results = store.append(List.of(List.of(e), List.of(entry(43, "x"))));
        assertThat(results).containsExactly(new LogStore.AppendResult(1, 0), new LogStore.AppendResult(1, 0));
        StoredEntry first = store.query(LogQuery.all()).entries().getFirst();
        assertThat(first.entry()).isEqualTo(e);
        assertThat(store.lastSeq()).isEqualTo(first.seq() + 1);
    }

    @Test
    void aResentEntryIsStoredOnce() {
        Entry e = entry(1, "once", "vm-1");
        var first = store.append(List.of(List.of(e, e)));
        var again = store.append(List.of(List.of(e, entry(2, "new"))));
        assertThat(first).containsExactly(new LogStore.AppendResult(1, 1));
        assertThat(again).containsExactly(new LogStore.AppendResult(1, 1));
        assertThat(messages(store.query(LogQuery.all()))).containsExactly("once", "new");
        assertThat(store.query(q("vm-1", 0, 0, 10)).entries()).hasSize(1);
    }

    @Test
    void findsEntriesByEveryObjectTheyConcern() {
        append(entry(1, "a", "vm-1", "net-1"), entry(2, "b", "vm-2"), entry(3, "c", "net-1"), entry(4, "d"));
        assertThat(messages(store.query(q("vm-1", 0, 0, 10)))).containsExactly("a");
        assertThat(messages(store.query(q("net-1", 0, 0, 10)))).containsExactly("a", "c");
        assertThat(messages(store.query(q("nope", 0, 0, 10)))).isEmpty();
        assertThat(store.query(q("net-1", 0, 0, 10))
                        .entries()
                        .getFirst()
                        .entry()
                        .objectIds())
                .containsExactlyInAnyOrder("vm-1", "net-1");
    }

    @Test
    void timeRangesIncludeSinceAndExcludeUntil() {
        append(entry(100, "a", "vm"), entry(200, "b", "vm"), entry(300, "c", "vm"), entry(400, "d", "vm"));
        assertThat(messages(store.query(q("", 200, 400, 10)))).containsExactly("b", "c");
        assertThat(messages(store.query(q("vm", 200, 0, 10)))).containsExactly("b", "c", "d");
        assertThat(messages(store.query(q("", 0, 200, 10)))).containsExactly("a");
    }

    @Test
    void pagesWithACursorWithoutGapsOrOverlap() {
        IntStream.range(0, 10).forEach(i -> append(entry(i + 1, "m" + i, "vm")));
        for (String object : List.of("", "vm")) {
            List<String> seen = new ArrayList<>();
            LogQuery query = q(object, 0, 0, 3);
            Page page;
            int pages = 0;
            do {
                page = store.query(query);
                seen.addAll(messages(page));
                query = query.withAfter(page.next(query.after()));
                pages++;
            } while (page.more());
            assertThat(pages).isEqualTo(4);
            assertThat(seen)
                    .containsExactlyElementsOf(
                            IntStream.range(0, 10).mapToObj(i -> "m" + i).toList());
        }
    }

    @Test
    void pagesNewestFirst() {
        IntStream.range(0, 5).forEach(i -> append(entry(i + 1, "m" + i, "vm")));
        LogQuery query = new LogQuery("vm", "", "", Set.of(), 0, 0, "", 2, new Cursor(0), true);
        Page p1 = store.query(query);
        Page p2 = store.query(query.withAfter(p1.next(query.after())));
        assertThat(messages(p1)).containsExactly("m4", "m3");
        assertThat(messages(p2)).containsExactly("m2", "m1");
        assertThat(p2.more()).isTrue();
    }

    @Test
    void filtersByComponentActorLevelAndText() {
        append(
                entry(Level.AUDIT, "api", "alice", 1, "Created VM web-1"),
                entry(Level.ERROR, "vmm", "node-1", 2, "qemu exited 100%_done"),
                entry(Level.INFO, "api", "bob", 3, "Deleted network"));
        LogQuery all = LogQuery.all();
        assertThat(messages(store.query(new LogQuery("", "api", "", Set.of(), 0, 0, "", 10, new Cursor(0), false))))
                .containsExactly("Created VM web-1", "Deleted network");
        assertThat(messages(store.query(new LogQuery("", "", "bob", Set.of(), 0, 0, "", 10, all.after(), false))))
                .containsExactly("Deleted network");
        assertThat(messages(store.query(
                        new LogQuery("", "", "", Set.of(Level.ERROR, Level.AUDIT), 0, 0, "", 10, all.after(), false))))
                .containsExactly("Created VM web-1", "qemu exited 100%_done");
        assertThat(messages(
                        store.query(new LogQuery("", "", "", Set.of(), 0, 0, "created vm", 10, all.after(), false))))
                .containsExactly("Created VM web-1");
        assertThat(messages(store.query(new LogQuery("", "", "", Set.of(), 0, 0, "0%_", 10, all.after(), false))))
                .containsExactly("qemu exited 100%_done");
        assertThat(messages(store.query(new LogQuery("", "", "", Set.of(), 0, 0, "0%x", 10, all.after(), false))))
                .isEmpty();
    }

    @Test
    void deletesByAgeAndOldestFirstInChunks() {
        IntStream.range(0, 10).forEach(i -> append(entry(i * 10L, "m" + i, "vm")));
        assertThat(store.deleteOlderThan(50, 3)).isEqualTo(3);
        assertThat(store.deleteOlderThan(50, 100)).isEqualTo(2);
        assertThat(messages(store.query(LogQuery.all())).getFirst()).isEqualTo("m5");
        assertThat(store.deleteOldest(2)).isEqualTo(2);
        assertThat(messages(store.query(q("vm", 0, 0, 100)))).containsExactly("m7", "m8", "m9");
        long last = store.lastSeq();
        assertThat(store.deleteOldest(100)).isEqualTo(3);
        append(entry(1, "after"));
        assertThat(store.query(LogQuery.all()).entries().getFirst().seq()).isGreaterThan(last);
        assertThat(store.usedBytes()).isPositive();
    }
}
