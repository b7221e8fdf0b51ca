package dev.mvirt.log.store;

import dev.mvirt.common.sqlite.Sqlite;
import dev.mvirt.log.model.Entry;
import dev.mvirt.log.model.Level;
import dev.mvirt.log.model.LogQuery;
import dev.mvirt.log.model.Page;
import dev.mvirt.log.model.StoredEntry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * {@link LogStore} in a SQLite database (WAL, {@code synchronous=FULL}): one write connection used only by the
 * writer thread, and a small pool of read connections, so queries never wait for a write to finish.
 */
public final class SqliteLogStore implements LogStore {
    private static final String INSERT_LOG = "INSERT INTO logs(id, entry_id, ts_ns, level, component, actor,"
            + " message, fields) VALUES (?,?,?,?,?,?,?,?) ON CONFLICT(entry_id) DO NOTHING";
    private static final String INSERT_OBJECT = "INSERT OR IGNORE INTO log_objects(object_id, log_id) VALUES (?,?)";

    private final Path file;
    private final Connection writer;
    private final PreparedStatement insertLog;
    private final PreparedStatement insertObject;
    private final BlockingQueue<Connection> readers;
    private volatile long lastSeq;

    private SqliteLogStore(Path file, Connection writer, BlockingQueue<Connection> readers) throws SQLException {
        this.file = file;
        this.writer = writer;
        this.readers = readers;
        this.insertLog = writer.prepareStatement(INSERT_LOG);
        this.insertObject = writer.prepareStatement(INSERT_OBJECT);
        this.lastSeq = readLastSeq(writer);
    }

    /**
     * Opens (creating if needed) the log database at {@code file} with {@code readers} read connections.
     *
     * @throws StorageException naming the file when it cannot be opened or its schema created
     */
    public static SqliteLogStore open(Path file, int readers) {
        Connection writer = Sqlite.open(file);
        try {
            Schema.create(writer);
            try (Statement s = writer.createStatement()) {
                s.execute("PRAGMA cache_size=-32768"); // 32 MiB: the entry_id and object indexes stay cached
            }
            writer.setAutoCommit(false);
            BlockingQueue<Connection> pool = new ArrayBlockingQueue<>(readers);
            for (int i = 0; i < readers; i++) {
                Connection r = Sqlite.open(file);
                try (Statement s = r.createStatement()) {
                    s.execute("PRAGMA query_only=1");
                }
                pool.add(r);
            }
            return new SqliteLogStore(file, writer, pool);
        } catch (SQLException e) {
            throw new StorageException("cannot prepare log database " + file, e);
        }
    }

    /** The schema's DDL, for tools that build the same database another way (the benchmark's sqlite3 peer). */
    public static List<String> schema() {
        return List.of(Schema.STATEMENTS);
    }

    @Override
    public List<AppendResult> append(List<List<Entry>> groups) {
        try {
            // ids are assigned here (single writer); an id given to a skipped duplicate is simply never used
            long id = lastSeq;
            for (List<Entry> group : groups) {
                for (Entry e : group) {
                    bindInsert(++id, e);
                }
            }
            int[] counts = insertLog.executeBatch();
            List<AppendResult> results = new ArrayList<>(groups.size());
            long last = lastSeq;
            int row = 0;
            for (List<Entry> group : groups) {
                int stored = 0;
                for (Entry e : group) {
                    long rowId = lastSeq + 1 + row;
                    if (counts[row++] > 0) {
                        stored++;
                        last = rowId;
                        linkObjects(rowId, e.objectIds());
                    }
                }
                results.add(new AppendResult(stored, group.size() - stored));
            }
            insertObject.executeBatch();
            writer.commit();
            lastSeq = last;
            return results;
        } catch (SQLException e) {
            rollback();
            throw new StorageException("cannot append to " + file, e);
        }
    }

    private void linkObjects(long id, List<String> objectIds) throws SQLException {
        for (String o : objectIds) {
            insertObject.setString(1, o);
            insertObject.setLong(2, id);
            insertObject.addBatch();
        }
    }

    private void bindInsert(long id, Entry e) throws SQLException {
        insertLog.setLong(1, id);
        insertLog.setString(2, e.entryId());
        insertLog.setLong(3, e.timestampNs());
        insertLog.setString(4, e.level().name());
        insertLog.setString(5, e.component());
        insertLog.setString(6, e.actor());
        insertLog.setString(7, e.message());
        insertLog.setString(8, FieldsJson.write(e.fields()));
        insertLog.addBatch();
    }

    @Override
    public Page query(LogQuery q) {
        QuerySql sql = QuerySql.of(q);
        Connection c = borrow();
        try (PreparedStatement ps = c.prepareStatement(sql.text())) {
            for (int i = 0; i < sql.params().size(); i++) {
                ps.setObject(i + 1, sql.params().get(i));
            }
            List<StoredEntry> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs));
                }
            }
            boolean more = rows.size() > q.limit();
            return new Page(more ? rows.subList(0, q.limit()) : rows, more);
        } catch (SQLException e) {
            throw new StorageException("cannot query " + file, e);
        } finally {
            readers.add(c);
        }
    }

    private static StoredEntry row(ResultSet rs) throws SQLException {
        Entry e = new Entry(
                rs.getString(2),
                rs.getLong(3),
                Level.valueOf(rs.getString(4)),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                FieldsJson.readList(rs.getString(9)),
                FieldsJson.readMap(rs.getString(8)));
        return new StoredEntry(rs.getLong(1), e);
    }

    @Override
    public long lastSeq() {
        return lastSeq;
    }

    @Override
    public int deleteOlderThan(long cutoffNs, int max) {
        return deleteIds("SELECT id FROM logs WHERE ts_ns < ? ORDER BY ts_ns LIMIT ?", cutoffNs, max);
    }

    @Override
    public int deleteOldest(int max) {
        return deleteIds("SELECT id FROM logs WHERE id > ? ORDER BY id LIMIT ?", 0, max);
    }

    /** Selects up to {@code max} ids with {@code select} and deletes them and their object links in one commit. */
    private int deleteIds(String select, long bound, int max) {
        try {
            String ids = selectIdsJson(select, bound, max);
            if ("[]".equals(ids)) {
                return 0;
            }
            try (PreparedStatement objects = writer.prepareStatement(
                            "DELETE FROM log_objects WHERE log_id IN (SELECT value FROM json_each(?))");
                    PreparedStatement logs =
                            writer.prepareStatement("DELETE FROM logs WHERE id IN (SELECT value FROM json_each(?))")) {
                objects.setString(1, ids);
                objects.executeUpdate();
                logs.setString(1, ids);
                int n = logs.executeUpdate();
                writer.commit();
                return n;
            }
        } catch (SQLException e) {
            rollback();
            throw new StorageException("cannot delete old entries from " + file, e);
        }
    }

    private String selectIdsJson(String select, long bound, int max) throws SQLException {
        try (PreparedStatement ps = writer.prepareStatement("SELECT json_group_array(id) FROM (" + select + ")")) {
            ps.setLong(1, bound);
            ps.setInt(2, max);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : "[]";
            }
        }
    }

    @Override
    public long usedBytes() {
        Connection c = borrow();
        try (Statement s = c.createStatement()) {
            long pages = pragma(s, "page_count") - pragma(s, "freelist_count");
            return pages * pragma(s, "page_size");
        } catch (SQLException e) {
            throw new StorageException("cannot read the size of " + file, e);
        } finally {
            readers.add(c);
        }
    }

    private static long pragma(Statement s, String name) throws SQLException {
        try (ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static long readLastSeq(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT seq FROM sqlite_sequence WHERE name = 'logs'")) {
            long seq = rs.next() ? rs.getLong(1) : 0;
            c.commit();
            return seq;
        }
    }

    private Connection borrow() {
        try {
            return readers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted waiting for a read connection to " + file, e);
        }
    }

    private void rollback() {
        try {
            insertLog.clearBatch();
            insertObject.clearBatch();
            writer.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; the original error is what the caller sees
        }
    }

    @Override
    public void close() {
        List<Connection> all = new ArrayList<>();
        readers.drainTo(all);
        all.add(writer);
        for (Connection c : all) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing at shutdown; nothing left to do with it
            }
        }
    }
}
