package org.studioresidency.pairing.service.imports;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/** What an import did, row by row. {@code row} is the line number in the file, the header being line 1. */
public record ImportReport(int created, int updated, int unchanged, int skipped, int rejected, List<Row> rows) {

    /**
     * An import is all or nothing, so a large district's files are one transaction; on a busy database that can outlast
     * the default 60 s, which would roll back the whole import after its work was done (seen with 200 schools at load 26).
     */
    public static final int TRANSACTION_TIMEOUT_SECONDS = 600;

    public enum Outcome { CREATED, UPDATED, UNCHANGED, SKIPPED, REJECTED }

    public record Row(String file, long row, String sourcedId, Outcome outcome, String reason,
                      @Schema(description = "The id of the record the row created, updated or left unchanged; null when skipped or rejected",
                              nullable = true)
                      UUID id) {

        public Row(String file, long row, String sourcedId, Outcome outcome, String reason) {
            this(file, row, sourcedId, outcome, reason, null);
        }

        Row withId(UUID recordId) {
            return new Row(file, row, sourcedId, outcome, reason, recordId);
        }
    }

    static ImportReport of(List<Row> rows) {
        return new ImportReport(count(rows, Outcome.CREATED), count(rows, Outcome.UPDATED), count(rows, Outcome.UNCHANGED),
                count(rows, Outcome.SKIPPED), count(rows, Outcome.REJECTED), List.copyOf(rows));
    }

    private static int count(List<Row> rows, Outcome outcome) {
        return (int) rows.stream().filter(r -> r.outcome() == outcome).count();
    }
}
