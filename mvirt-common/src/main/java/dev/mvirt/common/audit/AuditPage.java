package dev.mvirt.common.audit;

import java.util.List;

/**
 * One page of a query, in the order asked for.
 *
 * @param records the entries
 * @param nextCursor pass to {@link AuditQuery#from} for the next page; empty when there is no more
 */
public record AuditPage(List<AuditRecord> records, String nextCursor) {
    public AuditPage {
        records = List.copyOf(records);
    }
}
