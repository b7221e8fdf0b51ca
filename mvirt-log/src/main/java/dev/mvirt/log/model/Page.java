package dev.mvirt.log.model;

import java.util.List;

/**
 * One page of query results, in the query's order.
 *
 * @param more whether more entries match after the last one of this page
 */
public record Page(List<StoredEntry> entries, boolean more) {
    public Page {
        entries = List.copyOf(entries);
    }

    /** The cursor continuing after this page, or the one given when the page is empty. */
    public Cursor next(Cursor current) {
        return entries.isEmpty() ? current : new Cursor(entries.getLast().seq());
    }
}
