package dev.mvirt.log.store;

import dev.mvirt.log.model.Level;
import dev.mvirt.log.model.LogQuery;
import java.util.ArrayList;
import java.util.List;

/**
 * The SELECT for a {@link LogQuery}: through {@code log_objects} when an object id is given (its primary key
 * orders by log id), else over {@code logs} by id. Fetches one row past the limit to know whether there are more.
 */
record QuerySql(String text, List<Object> params) {

    private static final String COLUMNS = "l.id, l.entry_id, l.ts_ns, l.level, l.component, l.actor, l.message,"
            + " l.fields, (SELECT json_group_array(object_id) FROM log_objects x WHERE x.log_id = l.id)";

    static QuerySql of(LogQuery q) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS);
        String seqColumn;
        if (q.objectId().isEmpty()) {
            sql.append(" FROM logs l WHERE 1=1");
            seqColumn = "l.id";
        } else {
            sql.append(" FROM log_objects o JOIN logs l ON l.id = o.log_id WHERE o.object_id = ?");
            params.add(q.objectId());
            seqColumn = "o.log_id";
        }
        position(q, seqColumn, sql, params);
        filters(q, sql, params);
        sql.append(" ORDER BY ").append(seqColumn).append(q.newestFirst() ? " DESC" : " ASC");
        sql.append(" LIMIT ?");
        params.add(q.limit() + 1);
        return new QuerySql(sql.toString(), params);
    }

    private static void position(LogQuery q, String seqColumn, StringBuilder sql, List<Object> params) {
        long after = q.after().seq();
        if (!q.newestFirst()) {
            sql.append(" AND ").append(seqColumn).append(" > ?");
            params.add(after);
        } else if (after > 0) {
            sql.append(" AND ").append(seqColumn).append(" < ?");
            params.add(after);
        }
    }

    private static void filters(LogQuery q, StringBuilder sql, List<Object> params) {
        eq("l.component", q.component(), sql, params);
        eq("l.actor", q.actor(), sql, params);
        if (!q.levels().isEmpty()) {
            sql.append(" AND l.level IN (");
            String sep = "";
            for (Level level : q.levels()) {
                sql.append(sep).append('?');
                params.add(level.name());
                sep = ",";
            }
            sql.append(')');
        }
        if (q.sinceNs() > 0) {
            sql.append(" AND l.ts_ns >= ?");
            params.add(q.sinceNs());
        }
        if (q.untilNs() > 0) {
            sql.append(" AND l.ts_ns < ?");
            params.add(q.untilNs());
        }
        if (!q.textContains().isEmpty()) {
            sql.append(" AND l.message LIKE ? ESCAPE '\\'");
            params.add("%" + escapeLike(q.textContains()) + "%");
        }
    }

    private static void eq(String column, String value, StringBuilder sql, List<Object> params) {
        if (!value.isEmpty()) {
            sql.append(" AND ").append(column).append(" = ?");
            params.add(value);
        }
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
