package org.studioresidency.session.domain;

/** Where a substitute coverage request stands. */
public enum CoverageStatus {
    /** Known here; the HR system has not confirmed the absence job yet. */
    PENDING,
    /** The HR system has an open absence job for it. */
    REQUESTED,
    FILLED,
    UNFILLED,
    CANCELLED
}
