package org.studioresidency.pairing.matching;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Scores how well a residency school fits a studio school, and says why in words a district leader reads. */
public final class Similarity {

    /** Distance penalty scale when no maximum travel distance is given. */
    static final double DEFAULT_REFERENCE_KM = 50;
    private static final double EARTH_RADIUS_KM = 6371.0088;

    private final Weights weights;
    private final double referenceKm;

    public Similarity(Weights weights, Double maxDistanceKm) {
        this.weights = weights;
        this.referenceKm = maxDistanceKm == null || maxDistanceKm <= 0 ? DEFAULT_REFERENCE_KM : maxDistanceKm;
    }

    public record Score(double total, List<String> breakdown) {
    }

    /** The score alone, without the words: what the solver needs for every candidate pair. */
    public double value(SchoolProfile studio, SchoolProfile residency) {
        return evaluate(studio, residency, null);
    }

    public Score explain(SchoolProfile studio, SchoolProfile residency) {
        List<String> words = new ArrayList<>();
        double total = evaluate(studio, residency, words);
        return new Score(round(total), List.copyOf(words));
    }

    private double evaluate(SchoolProfile studio, SchoolProfile residency, List<String> words) {
        double total = 0;
        total += percentage(weights.freeReducedLunch(), "free/reduced lunch share",
                studio.freeReducedLunchPercent(), residency.freeReducedLunchPercent(), words);
        total += percentage(weights.englishLearners(), "ELL share",
                studio.englishLearnerPercent(), residency.englishLearnerPercent(), words);
        total += raceEthnicity(studio.raceEthnicity(), residency.raceEthnicity(), words);
        total += ratio(weights.homeLanguages(), "number of home languages", studio.homeLanguages(), residency.homeLanguages(), words);
        total += percentage(weights.readingProficiency(), "reading proficiency",
                studio.readingProficiencyPercent(), residency.readingProficiencyPercent(), words);
        total += ratio(weights.enrollment(), "enrollment", studio.enrollment(), residency.enrollment(), words);
        if (weights.readiness() != 0 && studio.readiness() != null) {
            double part = weights.readiness() * (studio.readiness() - 1) / 3.0;
            total += part;
            say(words, "studio readiness " + studio.readiness() + "/4", part);
        }
        Double km = distanceKm(studio, residency);
        if (weights.distance() != 0 && km != null) {
            double part = -weights.distance() * km / referenceKm;
            total += part;
            say(words, String.format(Locale.ROOT, "%.0f km apart", km), part);
        }
        if (weights.sameSupervisingLeader() != 0 && studio.supervisingLeaderId() != null
                && Objects.equals(studio.supervisingLeaderId(), residency.supervisingLeaderId())) {
            total += weights.sameSupervisingLeader();
            say(words, "same supervising leader", weights.sameSupervisingLeader());
        }
        return total;
    }

    /** Great-circle distance, or null when either school has no coordinates. */
    public static Double distanceKm(SchoolProfile a, SchoolProfile b) {
        if (a.latitude() == null || b.latitude() == null) {
            return null;
        }
        double dLat = Math.toRadians(b.latitude() - a.latitude());
        double dLon = Math.toRadians(b.longitude() - a.longitude());
        double h = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(a.latitude())) * Math.cos(Math.toRadians(b.latitude())) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    private static double percentage(double weight, String label, Double a, Double b, List<String> words) {
        if (weight == 0 || a == null || b == null) {
            return 0;
        }
        double part = weight * (1 - Math.abs(a - b) / 100.0);
        say(words, String.format(Locale.ROOT, "similar %s (%.0f%% vs %.0f%%)", label, a, b), part);
        return part;
    }

    private static double ratio(double weight, String label, Integer a, Integer b, List<String> words) {
        if (weight == 0 || a == null || b == null) {
            return 0;
        }
        double larger = Math.max(1, Math.max(a, b));
        double part = weight * (1 - Math.abs(a - b) / larger);
        say(words, "similar " + label + " (" + a + " vs " + b + ")", part);
        return part;
    }

    /** One minus the total variation distance between the two schools' shares. */
    private double raceEthnicity(Map<String, Double> a, Map<String, Double> b, List<String> words) {
        if (weights.raceEthnicity() == 0 || a == null || b == null || a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<String> groups = new HashSet<>(a.keySet());
        groups.addAll(b.keySet());
        double difference = 0;
        for (String group : groups) {
            difference += Math.abs(a.getOrDefault(group, 0.0) - b.getOrDefault(group, 0.0));
        }
        double part = weights.raceEthnicity() * (1 - Math.min(1, difference / 200.0));
        say(words, "similar race/ethnicity mix", part);
        return part;
    }

    private static void say(List<String> words, String what, double part) {
        if (words != null) {
            words.add(String.format(Locale.ROOT, "%s: %+.2f", what, part));
        }
    }

    static double round(double score) {
        return Math.round(score * 10_000) / 10_000.0;
    }
}
