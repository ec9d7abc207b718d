package org.studioresidency.pairing.service.imports;

import org.studioresidency.pairing.service.PairingException;

import java.util.List;

/**
 * Some rows were rejected, so nothing of the import was applied; each reason names file, line and sourcedId (or, for a
 * JSON array, the index of the element, as {@code [3]}).
 */
public class ImportRejected extends PairingException.RuleViolation {

    private final transient ImportReport report;

    ImportRejected(ImportReport report) {
        super(report.rejected() + " row(s) were rejected, so nothing was imported. Fix them and import the files again.",
                report.rows().stream().filter(r -> r.outcome() == ImportReport.Outcome.REJECTED)
                        .map(r -> new Reason(r.file() == null ? "[" + r.row() + "]" : r.file() + " row " + r.row(),
                                (r.sourcedId() == null ? "" : r.sourcedId() + ": ") + r.reason()))
                        .toList());
        this.report = report;
    }

    public ImportReport report() {
        return report;
    }
}
