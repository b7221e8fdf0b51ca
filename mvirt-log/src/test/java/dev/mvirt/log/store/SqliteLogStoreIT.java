package dev.mvirt.log.store;

import static dev.mvirt.log.store.Fixtures.entry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mvirt.log.model.LogQuery;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteLogStoreIT extends LogStoreContract {
    @TempDir
    Path dir;

    @Override
    protected LogStore newStore() {
        return SqliteLogStore.open(dir.resolve("log.db"), 2);
    }

    @Test
    void reopeningKeepsEntriesAndTheSequence() {
        store.append(List.of(List.of(entry(1, "a", "vm"), entry(2, "b", "vm"))));
        long last = store.lastSeq();
        store.close();
        store = newStore();
        assertThat(store.lastSeq()).isEqualTo(last);
        store.append(List.of(List.of(entry(3, "c", "vm"))));
        assertThat(store.query(LogQuery.all()).entries()).hasSize(3);
        assertThat(store.lastSeq()).isEqualTo(last + 1);
    }
}
