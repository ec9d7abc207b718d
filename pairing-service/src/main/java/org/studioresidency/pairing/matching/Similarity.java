package org.studioresidency.pairing.matching;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

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

    /** The score alone, without the words. */
    public double value(SchoolProfile studio, SchoolProfile residency) {
        return evaluate(studio, residency, null);
    }

    /**
     * A school's features as plain numbers (NaN when unknown), so scoring every studio against every residency school
     * (a million pairs in a large district) needs no allocation. Gives the same value as {@link #value}.
     */
    public static final class Features {
        final double frl;
        final double ell;
        final double homeLanguages;
        final double reading;
        final double enrollment;
        final double readiness;
        final double latitude;
        final double longitude;
        final double cosLatitude;
        final UUID leader;
        final double[] race;

        Features(SchoolProfile school, Map<String, Integer> groups) {
            frl = orNaN(school.freeReducedLunchPercent());
            ell = orNaN(school.englishLearnerPercent());
            homeLanguages = school.homeLanguages() == null ? Double.NaN : school.homeLanguages();
            reading = orNaN(school.readingProficiencyPercent());
            enrollment = school.enrollment() == null ? Double.NaN : school.enrollment();
            readiness = school.readiness() == null ? Double.NaN : school.readiness();
            latitude = school.latitude() == null ? Double.NaN : Math.toRadians(school.latitude());
            longitude = school.longitude() == null ? Double.NaN : Math.toRadians(school.longitude());
            cosLatitude = Math.cos(latitude);
            leader = school.supervisingLeaderId();
            if (school.raceEthnicity() == null || school.raceEthnicity().isEmpty()) {
                race = null;
            } else {
                race = new double[groups.size()];
                school.raceEthnicity().forEach((group, share) -> race[groups.get(group)] = share == null ? 0 : share);
            }
        }

        private static double orNaN(Double value) {
            return value == null ? Double.NaN : value;
        }
    }

    /** Gives every race/ethnicity group of the schools one index, for {@link Features}. */
    public static Map<String, Integer> groupIndex(java.util.Collection<SchoolProfile> schools) {
        Map<String, Integer> groups = new java.util.TreeMap<>();
        for (SchoolProfile school : schools) {
            if (school.raceEthnicity() != null) {
                school.raceEthnicity().keySet().forEach(g -> groups.putIfAbsent(g, 0));
            }
        }
        int i = 0;
        for (Map.Entry<String, Integer> group : groups.entrySet()) {
            group.setValue(i++);
        }
        return groups;
    }

    public double value(Features studio, Features residency) {
        double total = 0;
        total += percentage(weights.freeReducedLunch(), studio.frl, residency.frl);
        total += percentage(weights.englishLearners(), studio.ell, residency.ell);
        if (weights.raceEthnicity() != 0 && studio.race != null && residency.race != null) {
            double difference = 0;
            for (int g = 0; g < studio.race.length; g++) {
                difference += Math.abs(studio.race[g] - residency.race[g]);
            }
            total += weights.raceEthnicity() * (1 - Math.min(1, difference / 200.0));
        }
        total += ratio(weights.homeLanguages(), studio.homeLanguages, residency.homeLanguages);
        total += percentage(weights.readingProficiency(), studio.reading, residency.reading);
        total += ratio(weights.enrollment(), studio.enrollment, residency.enrollment);
        if (weights.readiness() != 0 && !Double.isNaN(studio.readiness)) {
            total += weights.readiness() * (studio.readiness - 1) / 3.0;
        }
        if (weights.distance() != 0 && !Double.isNaN(studio.latitude) && !Double.isNaN(residency.latitude)) {
            total -= weights.distance() * distanceKm(studio, residency) / referenceKm;
        }
        if (weights.sameSupervisingLeader() != 0 && studio.leader != null && studio.leader.equals(residency.leader)) {
            total += weights.sameSupervisingLeader();
        }
        return total;
    }

    /** Same formula as {@link #distanceKm(SchoolProfile, SchoolProfile)}; NaN when either has no coordinates. */
    static double distanceKm(Features a, Features b) {
        double dLat = b.latitude - a.latitude;
        double dLon = b.longitude - a.longitude;
        double sinLat = Math.sin(dLat / 2);
        double sinLon = Math.sin(dLon / 2);
        double h = sinLat * sinLat + a.cosLatitude * b.cosLatitude * sinLon * sinLon;
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    private static double percentage(double weight, double a, double b) {
        return weight == 0 || Double.isNaN(a) || Double.isNaN(b) ? 0 : weight * (1 - Math.abs(a - b) / 100.0);
    }

    private static double ratio(double weight, double a, double b) {
        return weight == 0 || Double.isNaN(a) || Double.isNaN(b) ? 0 : weight * (1 - Math.abs(a - b) / Math.max(1, Math.max(a, b)));
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
