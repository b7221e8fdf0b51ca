package dev.mvirt.api.codec;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.ExtensionRegistryLite;
import com.google.protobuf.MessageLite;
import com.google.protobuf.Parser;
import dev.mvirt.api.model.Resource;
import dev.mvirt.api.model.Settings;
import dev.mvirt.api.state.ClusterState;
import dev.mvirt.api.state.IdempotencyRecord;
import dev.mvirt.proto.api.v1.IdempotencyRecordProto;
import dev.mvirt.proto.api.v1.ResourceProto;
import dev.mvirt.proto.api.v1.SnapshotHeaderProto;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Writes a {@link ClusterState} as a snapshot stream and reads it back. The stream is a sequence of
 * length-delimited messages (see {@code SnapshotHeaderProto}): a header with the revision, the settings and the
 * counts, then one {@code ResourceProto} per resource, then one {@code IdempotencyRecordProto} per record, so a
 * large state is never one giant message. Called by the Raft adapter when it takes or installs a snapshot; the
 * caller owns (and closes) the streams. Failures are unchecked: {@link UncheckedIOException} for I/O or bytes
 * that do not parse, {@link CodecException} for a stream that parses but is not a valid snapshot.
 */
public final class SnapshotCodec {
    /** The format version written into every snapshot header; 0 and newer versions are refused. */
    public static final int FORMAT_VERSION = 1;

    private static final int BUFFER = 64 * 1024;

    private SnapshotCodec() {}

    /** Writes {@code state} to {@code out} and flushes it; does not close it. */
    public static void write(ClusterState state, OutputStream out) {
        List<Resource<?, ?>> resources = state.allResources();
        List<IdempotencyRecord> idempotency = state.idempotencyRecords();
        CodedOutputStream cos = CodedOutputStream.newInstance(out, BUFFER);
        try {
            writeDelimited(cos, header(state, resources.size(), idempotency.size()));
            for (Resource<?, ?> r : resources) {
                writeDelimited(cos, ResourceCodec.encode(r));
            }
            for (IdempotencyRecord i : idempotency) {
                writeDelimited(cos, ResourceCodec.encode(i));
            }
            cos.flush();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("writing snapshot at revision " + state.revision(), e);
        }
    }

    /** Reads a snapshot written by {@link #write} from {@code in}, to its end; does not close it. */
    public static ClusterState read(InputStream in) {
        CodedInputStream cis = CodedInputStream.newInstance(in, BUFFER);
        SnapshotHeaderProto header = readDelimited(cis, SnapshotHeaderProto.parser(), "snapshot header");
        checkHeader(header);
        long resourceCount = header.getResourceCount();
        long idempotencyCount = header.getIdempotencyCount();
        List<Resource<?, ?>> resources = new ArrayList<>((int) Math.min(resourceCount, 1 << 16));
        for (long i = 0; i < resourceCount; i++) {
            String what = "snapshot resource " + i + " of " + resourceCount;
            resources.add(ResourceCodec.decode(readDelimited(cis, ResourceProto.parser(), what), what));
        }
        List<IdempotencyRecord> idempotency = new ArrayList<>((int) Math.min(idempotencyCount, 1 << 16));
        for (long i = 0; i < idempotencyCount; i++) {
            String what = "snapshot idempotency record " + i + " of " + idempotencyCount;
            idempotency.add(ResourceCodec.decode(readDelimited(cis, IdempotencyRecordProto.parser(), what), what));
        }
        checkEnd(cis);
        return ClusterState.restore(
                header.getRevision(), resources, new Settings(new TreeMap<>(header.getSettingsMap())), idempotency);
    }

    private static SnapshotHeaderProto header(ClusterState state, int resources, int idempotency) {
        return SnapshotHeaderProto.newBuilder()
                .setVersion(FORMAT_VERSION)
                .setRevision(state.revision())
                .putAllSettings(state.settings().values())
                .setResourceCount(resources)
                .setIdempotencyCount(idempotency)
                .build();
    }

    private static void writeDelimited(CodedOutputStream cos, MessageLite m) throws IOException {
        cos.writeUInt32NoTag(m.getSerializedSize());
        m.writeTo(cos);
    }

    private static <T extends MessageLite> T readDelimited(CodedInputStream cis, Parser<T> parser, String what) {
        try {
            if (cis.isAtEnd()) {
                throw new CodecException(what + ": the snapshot ends early (truncated?)");
            }
            // each message counts from zero, so the 2 GiB limit applies per message, not per snapshot
            cis.resetSizeCounter();
            return cis.readMessage(parser, ExtensionRegistryLite.getEmptyRegistry());
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + what, e);
        }
    }

    private static void checkHeader(SnapshotHeaderProto h) {
        if (h.getVersion() == 0 || Integer.compareUnsigned(h.getVersion(), FORMAT_VERSION) > 0) {
            throw new CodecException("snapshot header: format version " + Integer.toUnsignedString(h.getVersion())
                    + " is not supported (this version reads 1.." + FORMAT_VERSION + ")");
        }
        if (h.getResourceCount() < 0 || h.getIdempotencyCount() < 0) {
            throw new CodecException("snapshot header: counts out of range ("
                    + Long.toUnsignedString(h.getResourceCount()) + " resources, "
                    + Long.toUnsignedString(h.getIdempotencyCount()) + " idempotency records)");
        }
    }

    private static void checkEnd(CodedInputStream cis) {
        try {
            if (!cis.isAtEnd()) {
                throw new CodecException("snapshot: data after the last record (corrupt, or counts wrong)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the end of the snapshot", e);
        }
    }
}
