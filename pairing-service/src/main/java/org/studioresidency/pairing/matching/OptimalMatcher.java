package org.studioresidency.pairing.matching;

import com.google.ortools.Loader;
import com.google.ortools.graph.MinCostFlow;
import com.google.ortools.graph.MinCostFlowBase;

import java.util.Arrays;

/**
 * The globally optimal matching, as a min-cost flow solved by Google OR-Tools: source, residency schools (one unit each),
 * allowed studio options, studio schools (their remaining capacity), sink. Each residency school also has a costly
 * bypass arc to the sink, so the flow always exists: the solver first places as many residency schools as the
 * constraints allow, then maximises the total weighted similarity among those placements. The input is sorted by id,
 * so the same request gives the same result.
 */
public final class OptimalMatcher {

    /** Scores are compared to 1/10,000 of a point. */
    private static final double SCALE = 10_000;

    static {
        Loader.loadNativeLibraries();
    }

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
        // Worth more than any rearrangement of scores, so one more placed school always wins.
        long placementBonus = lowest == Long.MAX_VALUE ? 0 : (highest - lowest + 1) * (residencies + 1);

        int source = 0;
        int sink = residencies + studios + 1;
        MinCostFlow flow = new MinCostFlow();
        int[][] arcOf = new int[residencies][];
        for (int r = 0; r < residencies; r++) {
            int node = 1 + r;
            flow.addArcWithCapacityAndUnitCost(source, node, 1, 0);
            flow.addArcWithCapacityAndUnitCost(node, sink, 1, 0);
            int[] options = candidates.options[r];
            arcOf[r] = new int[options.length];
            for (int o = 0; o < options.length; o++) {
                long gain = placementBonus + Math.round(candidates.scores[r][o] * SCALE);
                arcOf[r][o] = flow.addArcWithCapacityAndUnitCost(node, 1 + residencies + options[o], 1, -gain);
            }
        }
        for (int s = 0; s < studios; s++) {
            flow.addArcWithCapacityAndUnitCost(1 + residencies + s, sink, candidates.remainingCapacity[s], 0);
        }
        flow.setNodeSupply(source, residencies);
        flow.setNodeSupply(sink, -residencies);
        MinCostFlowBase.Status status = flow.solve();
        if (status != MinCostFlowBase.Status.OPTIMAL) {
            throw new IllegalStateException("The min-cost-flow solver ended with " + status);
        }
        for (int r = 0; r < residencies; r++) {
            for (int o = 0; o < arcOf[r].length; o++) {
                if (flow.getFlow(arcOf[r][o]) > 0) {
                    assigned[r] = candidates.options[r][o];
                }
            }
        }
        return candidates.result(assigned);
    }
}
