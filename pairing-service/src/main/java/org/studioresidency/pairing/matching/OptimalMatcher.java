package org.studioresidency.pairing.matching;

import java.util.Arrays;

/**
 * The globally optimal matching, as a min-cost flow: source, residency schools (one unit each), allowed studio options,
 * studio schools (their remaining capacity), sink, and an "unplaced" arc per residency school, so the flow always
 * exists. The solver first places as many residency schools as the constraints allow, then maximises the total
 * weighted similarity among those placements ({@link MaximumGainAssignment}, exact and in the heap; Google OR-Tools'
 * native library, used before, stayed resident for the service's life). The input is sorted by id, so the same request gives the
 * same result.
 */
public final class OptimalMatcher {

    /** Scores are compared to 1/10,000 of a point. */
    private static final double SCALE = 10_000;

    public MatchingResult match(MatchingProblem problem) {
        Candidates candidates = new Candidates(problem);
        int residencies = candidates.free.size();
        int studios = candidates.studios.size();
        int[] assigned = new int[residencies];
        Arrays.fill(assigned, -1);
        if (residencies == 0 || studios == 0) {
            return candidates.result(assigned);
        }
        long lowest = Long.MAX_VALUE;
        long highest = Long.MIN_VALUE;
        for (double[] row : candidates.scores) {
            for (double score : row) {
                long scaled = Math.round(score * SCALE);
                lowest = Math.min(lowest, scaled);
                highest = Math.max(highest, scaled);
            }
        }
        // Worth more than any rearrangement of scores, so one more placed school always wins; scores are counted from
        // the lowest, so every placement gains more than leaving the school unplaced.
        long placementBonus = lowest == Long.MAX_VALUE ? 0 : (highest - lowest + 1) * (residencies + 1);
        long[][] gains = new long[residencies][];
        for (int r = 0; r < residencies; r++) {
            gains[r] = new long[candidates.options[r].length];
            for (int o = 0; o < gains[r].length; o++) {
                gains[r][o] = placementBonus + Math.round(candidates.scores[r][o] * SCALE) - lowest;
            }
        }
        int[] chosen = MaximumGainAssignment.solve(candidates.options, gains, candidates.remainingCapacity);
        for (int r = 0; r < residencies; r++) {
            if (chosen[r] >= 0) {
                assigned[r] = candidates.options[r][chosen[r]];
            }
        }
        return candidates.result(assigned);
    }
}
