package dev.mvirt.vmm.store;

import dev.mvirt.common.sqlite.Sqlite;
import dev.mvirt.vmm.model.AlreadyExistsException;
import dev.mvirt.vmm.model.Phase;
import dev.mvirt.vmm.model.ProcessRef;
import dev.mvirt.vmm.model.Vm;
import dev.mvirt.vmm.model.VmId;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The daemon's SQLite state: one row per VM with its spec, phase, message and process (pid, start time, run
 * directory). Every write is one committed statement, so a crash never leaves half a VM. Thread-safe (one
 * connection, synchronized). SQL failures are rethrown as {@link IllegalStateException} naming the VM.
 */
public final class VmStore implements AutoCloseable {
    private static final String COLUMNS =
            "id, name, spec, phase, message, pid, started_at_ms, run_dir, hypervisor, created_at_ms, changed_at_ms";
    private final Connection db;

    public VmStore(Path file) {
        this.db = Sqlite.open(file);
        try (Statement s = db.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS vms (id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE,"
                    + " spec TEXT NOT NULL, phase TEXT NOT NULL, message TEXT NOT NULL, pid INTEGER NOT NULL,"
                    + " started_at_ms INTEGER NOT NULL, run_dir TEXT NOT NULL, hypervisor TEXT NOT NULL,"
                    + " created_at_ms INTEGER NOT NULL, changed_at_ms INTEGER NOT NULL)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the vms table in " + file + ": " + e.getMessage(), e);
        }
    }

    /** Inserts a new VM; {@link ConflictException} when its id or name is taken. */
    public synchronized void insert(Vm vm) {
        try (PreparedStatement ps =
                db.prepareStatement("INSERT INTO vms (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
            bind(ps, vm);
            ps.executeUpdate();
        } catch (SQLException e) {
            if (e.getMessage() != null && e.getMessage().contains("UNIQUE")) {
                throw new AlreadyExistsException(
                        "a vm with id " + vm.id() + " or name " + vm.spec().name() + " exists");
            }
            throw failure(vm.id(), e);
        }
    }

    /** Replaces the stored row of {@code vm.id()}. */
    public synchronized void update(Vm vm) {
        try (PreparedStatement ps =
                db.prepareStatement("REPLACE INTO vms (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
            bind(ps, vm);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure(vm.id(), e);
        }
    }

    public synchronized void delete(VmId id) {
        try (PreparedStatement ps = db.prepareStatement("DELETE FROM vms WHERE id = ?")) {
            ps.setString(1, id.value());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure(id, e);
        }
    }

    public synchronized Optional<Vm> get(VmId id) {
        List<Vm> found = query("SELECT " + COLUMNS + " FROM vms WHERE id = ?", id.value());
        return found.stream().findFirst();
    }

    public synchronized List<Vm> list() {
        return query("SELECT " + COLUMNS + " FROM vms ORDER BY created_at_ms, id");
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot close the vm store: " + e.getMessage(), e);
        }
    }

    private List<Vm> query(String sql, String... args) {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            List<Vm> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the vm store: " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement ps, Vm vm) throws SQLException {
        ps.setString(1, vm.id().value());
        ps.setString(2, vm.spec().name());
        ps.setString(3, SpecJson.write(vm.spec()));
        ps.setString(4, vm.phase().name());
        ps.setString(5, vm.message());
        ps.setLong(6, vm.pid());
        ps.setLong(7, vm.process().map(ProcessRef::startedAtMs).orElse(0L));
        ps.setString(8, vm.process().map(p -> p.runDir().toString()).orElse(""));
        ps.setString(9, vm.hypervisor());
        ps.setLong(10, vm.createdAt().toEpochMilli());
        ps.setLong(11, vm.phaseChangedAt().toEpochMilli());
    }

    private static Vm row(ResultSet rs) throws SQLException {
        long pid = rs.getLong("pid");
        Optional<ProcessRef> proc = pid == 0
                ? Optional.empty()
                : Optional.of(new ProcessRef(pid, rs.getLong("started_at_ms"), Path.of(rs.getString("run_dir"))));
        return new Vm(
                new VmId(rs.getString("id")),
                SpecJson.read(rs.getString("spec")),
                Phase.valueOf(rs.getString("phase")),
                rs.getString("message"),
                proc,
                rs.getString("hypervisor"),
                Instant.ofEpochMilli(rs.getLong("created_at_ms")),
                Instant.ofEpochMilli(rs.getLong("changed_at_ms")));
    }

    private static IllegalStateException failure(VmId id, SQLException e) {
        return new IllegalStateException("vm store write for " + id + " failed: " + e.getMessage(), e);
    }
}
