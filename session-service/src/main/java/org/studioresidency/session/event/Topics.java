package org.studioresidency.session.event;

/** Kafka topics this service reads and writes. */
public final class Topics {

    /** Read: schools, staff and school years from pairing-service. */
    public static final String DIRECTORY = "district.directory";
    /** Read: pairings confirmed, their teams changed, pairings dissolved. */
    public static final String PAIRING = "district.pairing";
    /** Written: sessions published, rescheduled, cancelled, held, summarised. */
    public static final String SESSION = "district.session";
    /** Written: substitute coverage requested, filled, unfilled. */
    public static final String COVERAGE = "district.coverage";
    /** Written: learning-loop snapshots of each pairing, for the monthly email and the principals' digests. */
    public static final String REPORT = "district.report";

    private Topics() {
    }
}
