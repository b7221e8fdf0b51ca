package dev.mvirt.api.rest;

import dev.mvirt.common.audit.AuditPage;
import dev.mvirt.common.audit.AuditQuery;
import dev.mvirt.common.audit.AuditReader;
import dev.mvirt.common.audit.AuditRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Reads one page of {@code GET /api/v1/audit}: mvirt-log pages newest first, filtered by {@link AuditFilter}, until
 * {@code limit} entries match, mvirt-log has no more, or {@link #MAX_ROUNDS} pages were read (then the page may be
 * short and {@code continue} goes on). The continue token is mvirt-log's cursor of the page being read plus the seq
 * of the last entry returned from it, so entries committed meanwhile are never returned twice.
 */
final class AuditScan {
    static final int MAX_ROUNDS = 10;
    private static final String PREFIX = "a1|";

    /** The matching records, newest first, and the continue token ("" at the end). */
    record Result(List<AuditRecord> records, String next) {}

    private record Position(String logCursor, long beforeSeq) {}

    private AuditScan() {}

    static Result read(AuditReader reader, AuditFilter f, boolean scoped, String continueToken) {
        Position at = decode(continueToken);
        int pageSize = f.filtersHere() ? AuditQuery.MAX_LIMIT : f.limit();
        List<AuditRecord> out = new ArrayList<>();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            AuditPage page = reader.query(f.query(pageSize).from(at.logCursor()));
            for (AuditRecord r : page.records()) {
                if (at.beforeSeq() > 0 && r.seq() >= at.beforeSeq()) {
                    continue;
                }
                if (f.matches(r.entry(), scoped)) {
                    out.add(r);
                    if (out.size() == f.limit()) {
                        return new Result(out, encode(new Position(at.logCursor(), r.seq())));
                    }
                }
            }
            if (page.nextCursor().isEmpty()) {
                return new Result(out, "");
            }
            at = new Position(page.nextCursor(), at.beforeSeq());
        }
        return new Result(out, encode(at));
    }

    private static String encode(Position p) {
        String raw = PREFIX + p.logCursor() + "|" + p.beforeSeq();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static Position decode(String token) {
        if (token.isEmpty()) {
            return new Position("", 0);
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int bar = raw.lastIndexOf('|');
            if (raw.startsWith(PREFIX) && bar >= PREFIX.length() && raw.length() < 200) {
                long seq = Long.parseLong(raw.substring(bar + 1));
                String cursor = raw.substring(PREFIX.length(), Math.max(PREFIX.length(), bar));
                if (seq >= 0 && cursor.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
                    return new Position(cursor, seq);
                }
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw ApiException.invalid("continue", "is not a continue token of this audit query");
    }
}
