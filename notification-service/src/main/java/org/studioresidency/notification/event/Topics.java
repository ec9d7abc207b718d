package org.studioresidency.notification.event;

/** Kafka topics this service reads. */
public final class Topics {

    /** Schools, staff (principals' names and emails) and school years from pairing-service. */
    public static final String DIRECTORY = "district.directory";
    /** Pairings and their teams from pairing-service. */
    public static final String PAIRING = "district.pairing";
    /** Sessions (published, rescheduled, cancelled, held, summarised, team changed, conflicts) and their next steps, from session-service. */
    public static final String SESSION = "district.session";
    /** Substitute coverage from session-service. */
    public static final String COVERAGE = "district.coverage";
    /** Each pairing's learning-loop snapshot from session-service. */
    public static final String REPORT = "district.report";

    private Topics() {
    }
}
