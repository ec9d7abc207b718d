package org.studioresidency.pairing.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The way pairs are often made by hand: take the best-scoring remaining pair until nothing fits. Kept as the
 * benchmark's baseline for how much the optimal matching gains; not used to propose pairs.
 */
public final class GreedyMatcher {

    public MatchingResult match(MatchingProblem problem) {
        Candidates candidates = new Candidates(problem);
        record Option(int residency, int studio, double score) {
        }
        List<Option> all = new ArrayList<>();
        for (int r = 0; r < candidates.free.size(); r++) {
            for (int o = 0; o < candidates.options[r].length; o++) {
                all.add(new Option(r, candidates.options[r][o], candidates.scores[r][o]));
            }
        }
        all.sort(Comparator.comparingDouble(Option::score).reversed()
                .thenComparingInt(Option::residency).thenComparingInt(Option::studio));
        int[] assigned = new int[candidates.free.size()];
        Arrays.fill(assigned, -1);
        int[] capacity = candidates.remainingCapacity.clone();
        for (Option option : all) {
            if (assigned[option.residency()] < 0 && capacity[option.studio()] > 0) {
                assigned[option.residency()] = option.studio();
                capacity[option.studio()]--;
            }
        }
        return candidates.result(assigned);
    }
}
