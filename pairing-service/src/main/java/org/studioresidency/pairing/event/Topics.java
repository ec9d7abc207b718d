package org.studioresidency.pairing.event;

/** Kafka topics this service publishes to. */
public final class Topics {

    /** Schools, staff and school years: what other services need of the district directory. */
    public static final String DIRECTORY = "district.directory";
    /** Pairings confirmed, their teams changed, pairings dissolved. */
    public static final String PAIRING = "district.pairing";

    private Topics() {
    }
}
