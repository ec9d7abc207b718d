package org.studioresidency.pairing.matching;

/**
 * How much each criterion counts. A similarity criterion adds {@code weight x similarity (0..1)};
 * readiness adds {@code weight x (studio readiness - 1) / 3}; distance subtracts {@code weight x km / reference km};
 * the same supervising leader adds {@code weight}.
 */
public record Weights(
        double freeReducedLunch,
        double englishLearners,
        double raceEthnicity,
        double homeLanguages,
        double readingProficiency,
        double enrollment,
        double readiness,
        double distance,
        double sameSupervisingLeader) {

    public static Weights defaults() {
        return new Weights(1, 1, 1, 0.5, 1, 0.5, 0.5, 0.5, 0.25);
    }
}
