package dev.mvirt.node.e2e;

import dev.mvirt.common.grpc.Endpoint;
import dev.mvirt.common.grpc.GrpcChannels;
import dev.mvirt.common.sqlite.Sqlite;
import dev.mvirt.proto.log.v1.LogServiceGrpc;
import dev.mvirt.proto.log.v1.QueryRequest;
import io.grpc.ManagedChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What one host holds for a VM, seen from outside the daemons: the QEMU process, mvirt-vmm's per-VM directory
 * (sockets, console log, seed image) and SQLite row, and the mvirt-log entries about it.
 *
 * @param vmmData mvirt-vmm's {@code --data-dir}
 * @param logSocket mvirt-log's unix socket
 */
record VmHost(Path vmmData, Path logSocket) {
    /** The VM's private directory (QMP and console sockets, console log, seed image). */
    Path vmDir(String vmId) {
        return vmmData.resolve("vms").resolve(vmId);
    }

    /** The serial console output mvirt-vmm recorded so far. */
    String consoleLog(String vmId) {
        return Daemons.read(vmDir(vmId).resolve("console.log"));
    }

    /** True when {@code pid} is a live QEMU process. */
    static boolean isQemu(long pid) {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .map(VmHost::isQemu)
                .orElse(false);
    }

    private static boolean isQemu(ProcessHandle p) {
        return p.info().command().orElse("").endsWith("qemu-system-x86_64");
    }

    /** Live QEMU processes whose command line mentions {@code text} (a VM id, a data directory). */
    static List<ProcessHandle> qemuMentioning(String text) {
        return ProcessHandle.allProcesses()
                .filter(VmHost::isQemu)
                .filter(p -> String.join(" ", p.info().arguments().orElse(new String[0]))
                        .contains(text))
                .toList();
    }

    /** True when mvirt-vmm's SQLite state still has a row for the VM. */
    boolean hasRow(String vmId) {
        Path db = vmmData.resolve("vmm.db");
        if (!Files.exists(db)) {
            return false;
        }
        try (Connection c = Sqlite.open(db);
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM vms WHERE id = ?")) {
            ps.setString(1, vmId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getLong(1) > 0;
            }
        } catch (SQLException e) {
            throw new AssertionError("cannot read " + db, e);
        }
    }

    /** "MESSAGE by ACTOR" of every entry mvirt-log holds about {@code objectId}, read over its gRPC Query. */
    List<String> auditEntries(String objectId) {
        ManagedChannel ch = GrpcChannels.open(new Endpoint.Unix(logSocket));
        try {
            List<String> entries = new ArrayList<>();
            LogServiceGrpc.newBlockingStub(ch)
                    .withDeadlineAfter(10, TimeUnit.SECONDS)
                    .query(QueryRequest.newBuilder()
                            .setObjectId(objectId)
                            .setLimit(1000)
                            .build())
                    .forEachRemaining(r -> r.getRecordsList()
                            .forEach(rec -> entries.add(rec.getEntry().getMessage() + " by "
                                    + rec.getEntry().getActor())));
            return entries;
        } finally {
            ch.shutdownNow();
        }
    }
}
