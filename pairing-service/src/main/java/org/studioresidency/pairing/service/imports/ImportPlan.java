package org.studioresidency.pairing.service.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The rows of an import as checked, and the writes they call for, in file order. Nothing is written until every row is
 * checked; then the writes run in order and each row gets the id of its record.
 */
final class ImportPlan {

    private final List<ImportReport.Row> rows = new ArrayList<>();
    private final Map<Integer, Supplier<UUID>> writes = new LinkedHashMap<>();

    /** A row that needs no write; {@code id} is its record's when there is one. */
    void add(ImportReport.Row row, UUID id) {
        rows.add(row.withId(id));
    }

    void add(ImportReport.Row row) {
        rows.add(row);
    }

    /** A row whose write returns the id of the record it created or updated. */
    void add(ImportReport.Row row, Supplier<UUID> write) {
        writes.put(rows.size(), write);
        rows.add(row);
    }

    /** Applies every write, or none and a rejection naming each rejected row. */
    ImportReport apply() {
        ImportReport checked = ImportReport.of(rows);
        if (checked.rejected() > 0) {
            throw new ImportRejected(checked);
        }
        writes.forEach((index, write) -> rows.set(index, rows.get(index).withId(write.get())));
        return ImportReport.of(rows);
    }
}
