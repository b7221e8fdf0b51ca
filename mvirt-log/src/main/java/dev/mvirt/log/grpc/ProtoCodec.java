package dev.mvirt.log.grpc;

import dev.mvirt.log.model.Cursor;
import dev.mvirt.log.model.Entry;
import dev.mvirt.log.model.InvalidInputException;
import dev.mvirt.log.model.Level;
import dev.mvirt.log.model.LogQuery;
import dev.mvirt.log.model.Page;
import dev.mvirt.log.model.StoredEntry;
import dev.mvirt.proto.log.v1.LogEntry;
import dev.mvirt.proto.log.v1.LogRecord;
import dev.mvirt.proto.log.v1.QueryRequest;
import dev.mvirt.proto.log.v1.QueryResponse;
import java.util.EnumSet;
import java.util.Set;

/** The one mapping between mvirt-log's model and its protobuf messages. */
final class ProtoCodec {
    private ProtoCodec() {}

    /** A wire entry as a model entry; a zero timestamp becomes {@code receivedNs}. */
    static Entry entry(LogEntry e, long receivedNs) {
        return new Entry(
                e.getEntryId(),
                e.getTimestampNs() == 0 ? receivedNs : e.getTimestampNs(),
                level(e.getLevel()),
                e.getComponent(),
                e.getActor(),
                e.getMessage(),
                e.getObjectIdsList(),
                e.getFieldsMap());
    }

    static LogEntry entry(Entry e) {
        return LogEntry.newBuilder()
                .setEntryId(e.entryId())
                .setTimestampNs(e.timestampNs())
                .setLevel(level(e.level()))
                .setComponent(e.component())
                .setActor(e.actor())
                .setMessage(e.message())
                .addAllObjectIds(e.objectIds())
                .putAllFields(e.fields())
                .build();
    }

    static LogQuery query(QueryRequest r) {
        Set<Level> levels = EnumSet.noneOf(Level.class);
        r.getLevelsList().forEach(l -> levels.add(level(l)));
        Cursor after = r.getCursor().isEmpty() ? new Cursor(0) : Cursor.decode(r.getCursor());
        if (r.getFollow() && r.getNewestFirst()) {
            throw new InvalidInputException("newest_first: not allowed with follow");
        }
        return new LogQuery(
                r.getObjectId(),
                r.getComponent(),
                r.getActor(),
                levels,
                r.getSinceNs(),
                r.getUntilNs(),
                r.getTextContains(),
                r.getLimit() == 0 ? LogQuery.DEFAULT_LIMIT : r.getLimit(),
                after,
                r.getNewestFirst());
    }

    /** A page as a response; the cursor is set when more entries may follow ({@code always} for a follow). */
    static QueryResponse page(Page page, Cursor next, boolean always) {
        QueryResponse.Builder b = QueryResponse.newBuilder();
        for (StoredEntry s : page.entries()) {
            b.addRecords(LogRecord.newBuilder().setSeq(s.seq()).setEntry(entry(s.entry())));
        }
        if (always || page.more()) {
            b.setNextCursor(next.encode());
        }
        return b.build();
    }

    static Level level(dev.mvirt.proto.log.v1.Level l) {
        return switch (l) {
            case LEVEL_AUDIT -> Level.AUDIT;
            case LEVEL_DEBUG -> Level.DEBUG;
            case LEVEL_INFO -> Level.INFO;
            case LEVEL_NOTICE -> Level.NOTICE;
            case LEVEL_WARN -> Level.WARN;
            case LEVEL_ERROR -> Level.ERROR;
            case LEVEL_CRITICAL -> Level.CRITICAL;
            case LEVEL_ALERT -> Level.ALERT;
            case LEVEL_EMERGENCY -> Level.EMERGENCY;
            case LEVEL_UNSPECIFIED, UNRECOGNIZED -> throw new InvalidInputException("level: missing or unknown");
        };
    }

    static dev.mvirt.proto.log.v1.Level level(Level l) {
        return switch (l) {
            case AUDIT -> dev.mvirt.proto.log.v1.Level.LEVEL_AUDIT;
            case DEBUG -> dev.mvirt.proto.log.v1.Level.LEVEL_DEBUG;
            case INFO -> dev.mvirt.proto.log.v1.Level.LEVEL_INFO;
            case NOTICE -> dev.mvirt.proto.log.v1.Level.LEVEL_NOTICE;
            case WARN -> dev.mvirt.proto.log.v1.Level.LEVEL_WARN;
            case ERROR -> dev.mvirt.proto.log.v1.Level.LEVEL_ERROR;
            case CRITICAL -> dev.mvirt.proto.log.v1.Level.LEVEL_CRITICAL;
            case ALERT -> dev.mvirt.proto.log.v1.Level.LEVEL_ALERT;
            case EMERGENCY -> dev.mvirt.proto.log.v1.Level.LEVEL_EMERGENCY;
        };
    }
}
