package org.studioresidency.pairing.matching;

import org.studioresidency.pairing.service.PairingException;
import org.studioresidency.pairing.service.PairingException.Reason;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The allowed studio options of each residency school after the district's constraints: must-pairs are placed first
 * (and take capacity), never-pairs and pairs beyond the travel limit are left out. Shared by the optimal solver and
 * the greedy baseline so both see exactly the same choices.
 */
final class Candidates {

    final List<Studio> studios;
    final List<SchoolProfile> free;
    final int[] remainingCapacity;
    /** Per free residency school (same order as {@link #free}): allowed studio indexes and their scores. */
    final int[][] options;
    final double[][] scores;
    final List<Match> fixed = new ArrayList<>();
    final Map<UUID, String> excluded = new HashMap<>();
    final Similarity similarity;

    Candidates(MatchingProblem problem) {
        similarity = new Similarity(problem.weights(), problem.maxDistanceKm());
        studios = problem.studios().stream().sorted(Comparator.comparing(s -> s.school().schoolId())).toList();
        List<SchoolProfile> residencies = problem.residencies().stream().sorted(Comparator.comparing(SchoolProfile::schoolId)).toList();
        Map<UUID, Integer> studioIndex = new HashMap<>();
        for (int i = 0; i < studios.size(); i++) {
            studioIndex.put(studios.get(i).school().schoolId(), i);
        }
        Map<UUID, SchoolProfile> residencyById = new HashMap<>();
        residencies.forEach(r -> residencyById.put(r.schoolId(), r));
        checkRoles(studioIndex, residencyById);
        remainingCapacity = studios.stream().mapToInt(Studio::capacity).toArray();

        Set<UUID> placed = placeMustPairs(problem, studioIndex, residencyById);
        free = residencies.stream().filter(r -> !placed.contains(r.schoolId())).toList();
        Set<SchoolPair> never = problem.neverPairs() == null ? Set.of() : problem.neverPairs();
        options = new int[free.size()][];
        scores = new double[free.size()][];
        List<SchoolProfile> everyone = new ArrayList<>(residencies);
        studios.forEach(s -> everyone.add(s.school()));
        Map<String, Integer> groups = Similarity.groupIndex(everyone);
        Similarity.Features[] studioFeatures = studios.stream().map(s -> new Similarity.Features(s.school(), groups))
                .toArray(Similarity.Features[]::new);
        for (int r = 0; r < free.size(); r++) {
            SchoolProfile residency = free.get(r);
            Similarity.Features residencyFeatures = new Similarity.Features(residency, groups);
            int[] allowed = new int[studios.size()];
            double[] value = new double[studios.size()];
            int count = 0;
            int forbidden = 0;
            int tooFar = 0;
            for (int s = 0; s < studios.size(); s++) {
                SchoolProfile studio = studios.get(s).school();
                if (!never.isEmpty() && never.contains(new SchoolPair(studio.schoolId(), residency.schoolId()))) {
                    forbidden++;
                    continue;
                }
                if (problem.maxDistanceKm() != null) {
                    double km = Similarity.distanceKm(studioFeatures[s], residencyFeatures);
                    if (km > problem.maxDistanceKm()) {
                        tooFar++;
                        continue;
                    }
                }
                allowed[count] = s;
                value[count] = similarity.value(studioFeatures[s], residencyFeatures);
                count++;
            }
            int kept = keepBestCovering(allowed, value, count, free.size());
            options[r] = java.util.Arrays.copyOf(allowed, kept);
            scores[r] = java.util.Arrays.copyOf(value, kept);
            if (count == 0) {
                excluded.put(residency.schoolId(), whyNoOption(forbidden, tooFar, problem.maxDistanceKm()));
            }
        }
    }

    /**
     * Drops a residency school's weaker options when its better ones alone have a seat for every residency school.
     * This keeps the optimum: the other schools fill at most all but one of those seats, so in any optimal matching
     * that uses a dropped option the school can move to a kept, free option scoring at least as much.
     * Large districts keep about half their arcs, which halves the solver's work.
     *
     * @return how many options are kept; they are moved to the front of {@code allowed} and {@code value}, in order
     */
    private int keepBestCovering(int[] allowed, double[] value, int count, int residencies) {
        long seats = 0;
        for (int o = 0; o < count; o++) {
            seats += remainingCapacity[allowed[o]];
        }
        if (seats < residencies || count == 0) {
            return count;
        }
        double[] sorted = java.util.Arrays.copyOf(value, count);
        java.util.Arrays.sort(sorted);
        int low = 0;
        int high = count - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (seatsFrom(sorted[middle], allowed, value, count) >= residencies) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        double threshold = sorted[low];
        int kept = 0;
        for (int o = 0; o < count; o++) {
            if (value[o] >= threshold) {
                allowed[kept] = allowed[o];
                value[kept] = value[o];
                kept++;
            }
        }
        return kept;
    }

    private long seatsFrom(double threshold, int[] allowed, double[] value, int count) {
        long seats = 0;
        for (int o = 0; o < count; o++) {
            if (value[o] >= threshold) {
                seats += remainingCapacity[allowed[o]];
            }
        }
        return seats;
    }

    private void checkRoles(Map<UUID, Integer> studioIndex, Map<UUID, SchoolProfile> residencyById) {
        List<Reason> both = studioIndex.keySet().stream().filter(residencyById::containsKey).sorted()
                .map(id -> new Reason("residencySchoolIds", "school " + id + " cannot be both a studio and a residency school"))
                .toList();
        if (!both.isEmpty()) {
            throw new PairingException.RuleViolation("A school is listed as studio and as residency school.", both);
        }
    }

    private Set<UUID> placeMustPairs(MatchingProblem problem, Map<UUID, Integer> studioIndex, Map<UUID, SchoolProfile> residencyById) {
        Set<UUID> placed = new HashSet<>();
        List<Reason> refusals = new ArrayList<>();
        Set<SchoolPair> never = problem.neverPairs() == null ? Set.of() : problem.neverPairs();
        List<SchoolPair> must = problem.mustPairs() == null ? List.of()
                : problem.mustPairs().stream().sorted(Comparator.comparing(SchoolPair::studioSchoolId)
                .thenComparing(SchoolPair::residencySchoolId)).toList();
        for (SchoolPair pair : must) {
            Integer s = studioIndex.get(pair.studioSchoolId());
            SchoolProfile residency = residencyById.get(pair.residencySchoolId());
            if (s == null) {
                refusals.add(new Reason("mustPairs", "school " + pair.studioSchoolId() + " is not one of the studio schools"));
            } else if (residency == null) {
                refusals.add(new Reason("mustPairs", "school " + pair.residencySchoolId() + " is not one of the residency schools"));
            } else if (never.contains(pair)) {
                refusals.add(new Reason("mustPairs", "the pair " + pair.studioSchoolId() + " / " + pair.residencySchoolId()
                        + " is also a never-pair"));
            } else if (!placed.add(pair.residencySchoolId())) {
                refusals.add(new Reason("mustPairs", "residency school " + pair.residencySchoolId() + " is in more than one must-pair"));
            } else if (remainingCapacity[s] == 0) {
                refusals.add(new Reason("mustPairs", "studio school " + pair.studioSchoolId() + " has more must-pairs than its capacity "
                        + studios.get(s).capacity()));
            } else {
                remainingCapacity[s]--;
                Similarity.Score score = similarity.explain(studios.get(s).school(), residency);
                List<String> words = new ArrayList<>(score.breakdown());
                words.add("fixed by the district (must-pair)");
                fixed.add(new Match(pair.studioSchoolId(), pair.residencySchoolId(), score.total(), List.copyOf(words), true,
                        travelWarnings(problem.maxDistanceKm(), studios.get(s).school(), residency)));
            }
        }
        if (!refusals.isEmpty()) {
            throw new PairingException.RuleViolation("The must-pairs cannot all hold.", refusals);
        }
        return placed;
    }

    /** A must-pair is kept even beyond the maximum travel distance (the district fixed it), but never silently. */
    private static List<String> travelWarnings(Double maxKm, SchoolProfile studio, SchoolProfile residency) {
        Double km = maxKm == null ? null : Similarity.distanceKm(studio, residency);
        if (km == null || km <= maxKm) {
            return List.of();
        }
        return List.of(String.format(Locale.ROOT, "must-pair beyond the maximum travel distance: the schools are %.0f km apart, "
                + "more than maxDistanceKm %.0f km; kept because the district fixed it", km, maxKm));
    }

    private static String whyNoOption(int forbidden, int tooFar, Double maxKm) {
        if (tooFar == 0 && forbidden == 0) {
            return "no studio school to match with";
        }
        if (tooFar == 0) {
            return "every option forbidden: each studio school is a never-pair for this school";
        }
        String limit = String.format(Locale.ROOT, "%.0f km", maxKm);
        if (forbidden == 0) {
            return "too far: every studio school is more than " + limit + " away";
        }
        return "every option forbidden or too far: " + forbidden + " never-pair(s), " + tooFar + " studio school(s) more than " + limit + " away";
    }

    Match explain(int residency, int studio, boolean fixedPair) {
        Similarity.Score score = similarity.explain(studios.get(studio).school(), free.get(residency));
        return new Match(studios.get(studio).school().schoolId(), free.get(residency).schoolId(), score.total(), score.breakdown(), fixedPair);
    }

    MatchingResult result(int[] assignedStudio) {
        List<Match> matches = new ArrayList<>(fixed);
        List<Unmatched> unmatched = new ArrayList<>();
        for (int r = 0; r < free.size(); r++) {
            UUID id = free.get(r).schoolId();
            if (assignedStudio[r] >= 0) {
                matches.add(explain(r, assignedStudio[r], false));
            } else if (excluded.containsKey(id)) {
                unmatched.add(new Unmatched(id, excluded.get(id)));
            } else {
                unmatched.add(new Unmatched(id, "no capacity: every studio school it could go to is full with better-fitting schools"));
            }
        }
        matches.sort(Comparator.comparing(Match::studioSchoolId).thenComparing(Match::residencySchoolId));
        double total = Similarity.round(matches.stream().mapToDouble(Match::score).sum());
        return new MatchingResult(List.copyOf(matches), List.copyOf(unmatched), total);
    }
}
