package dev.mvirt.common.sqlite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Opens SQLite connections in WAL mode with a busy timeout; the caller closes them. */
public final class Sqlite {
    private Sqlite() {}

    /**
     * Opens (creating if needed) the database at {@code file}: WAL journal, {@code synchronous=FULL} (an
     * acknowledged transaction survives a crash), foreign keys on, a 5 s busy timeout.
     *
     * @throws UncheckedIOException naming the file when it cannot be opened
     */
    public static Connection open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("PRAGMA foreign_keys=ON");
                s.execute("PRAGMA busy_timeout=5000");
            }
            return c;
        } catch (SQLException e) {
            throw new UncheckedIOException("cannot open SQLite database " + file, new IOException(e));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create directory for " + file, e);
        }
    }
}
