package dev.mvirt.api.raft;

import dev.mvirt.api.codec.SnapshotCodec;
import dev.mvirt.api.state.ClusterState;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import org.apache.ratis.io.MD5Hash;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.server.storage.FileInfo;
import org.apache.ratis.statemachine.impl.SimpleStateMachineStorage;
import org.apache.ratis.statemachine.impl.SingleFileSnapshotInfo;
import org.apache.ratis.util.MD5FileUtil;

/**
 * Snapshot files in Ratis's layout ({@code snapshot.TERM_INDEX} plus an MD5 file, which Ratis uses to ship the
 * snapshot to lagging peers). Written to a temporary file and renamed, so a crash never leaves half a snapshot.
 */
final class SnapshotFiles {
    private SnapshotFiles() {}

    static SingleFileSnapshotInfo write(SimpleStateMachineStorage storage, ClusterState state, TermIndex at)
            throws IOException {
        File target = storage.getSnapshotFile(at.getTerm(), at.getIndex());
        File tmp = new File(target.getParentFile(), target.getName() + ".tmp");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp.toPath()), 1 << 16)) {
            SnapshotCodec.write(state, out);
        }
        try (var ch = java.nio.channels.FileChannel.open(tmp.toPath(), java.nio.file.StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.move(tmp.toPath(), target.toPath(), StandardCopyOption.ATOMIC_MOVE);
        MD5Hash md5 = MD5FileUtil.computeAndSaveMd5ForFile(target);
        return new SingleFileSnapshotInfo(new FileInfo(target.toPath(), md5), at);
    }

    static ClusterState read(SingleFileSnapshotInfo info) throws IOException {
        File file = info.getFile().getPath().toFile();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file.toPath()), 1 << 16)) {
            return SnapshotCodec.read(in);
        }
    }
}
