package dev.mvirt.log.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The tables of the log database; {@link #create} is idempotent. */
final class Schema {
    private Schema() {}

    static final String[] STATEMENTS = {
        """
        CREATE TABLE IF NOT EXISTS logs (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          entry_id TEXT NOT NULL,
          ts_ns INTEGER NOT NULL,
          level TEXT NOT NULL,
          component TEXT NOT NULL,
          actor TEXT NOT NULL,
          message TEXT NOT NULL,
          fields TEXT NOT NULL DEFAULT '{}'
        )""",
        "CREATE UNIQUE INDEX IF NOT EXISTS logs_entry_id ON logs(entry_id)",
        "CREATE INDEX IF NOT EXISTS logs_ts ON logs(ts_ns)",
        """
        CREATE TABLE IF NOT EXISTS log_objects (
          object_id TEXT NOT NULL,
          log_id INTEGER NOT NULL,
          PRIMARY KEY (object_id, log_id)
        ) WITHOUT ROWID""",
        "CREATE INDEX IF NOT EXISTS log_objects_log ON log_objects(log_id)",
    };

    static void create(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : STATEMENTS) {
                s.execute(sql);
            }
        }
    }
}
