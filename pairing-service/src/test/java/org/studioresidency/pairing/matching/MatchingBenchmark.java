package org.studioresidency.pairing.matching;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Not a test: times the optimal matching against the greedy baseline on generated districts and prints the figures.
 * Run with {@code ./mvnw -q -pl pairing-service test -Dtest=MatchingBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class MatchingBenchmark {

    private static final int RUNS = 3;

    @Test
    void printFigures() {
        System.out.println();
        System.out.println("| schools | studios (seats) | residency | optimal ms (median of " + RUNS + ") | optimal score | greedy ms | greedy score | greedy vs optimal |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        new OptimalMatcher().match(district(200, 1));
        for (int schools : new int[]{200, 1_000, 2_000}) {
            MatchingProblem problem = district(schools, schools);
            long[] optimalTimes = new long[RUNS];
            long[] greedyTimes = new long[RUNS];
            MatchingResult optimal = null;
            MatchingResult greedy = null;
            for (int run = 0; run < RUNS; run++) {
                long start = System.nanoTime();
                optimal = new OptimalMatcher().match(problem);
                optimalTimes[run] = (System.nanoTime() - start) / 1_000_000;
                start = System.nanoTime();
                greedy = new GreedyMatcher().match(problem);
                greedyTimes[run] = (System.nanoTime() - start) / 1_000_000;
            }
            int seats = problem.studios().stream().mapToInt(Studio::capacity).sum();
            System.out.printf(Locale.ROOT, "| %d | %d (%d) | %d | %d | %.2f | %d | %.2f | %.2f%% lower, %d vs %d placed |%n",
                    schools, problem.studios().size(), seats, problem.residencies().size(), median(optimalTimes), optimal.totalScore(),
                    median(greedyTimes), greedy.totalScore(), 100 * (optimal.totalScore() - greedy.totalScore()) / optimal.totalScore(),
                    greedy.matches().size(), optimal.matches().size());
        }
    }

    /** Half the schools are studio candidates with capacity 1-3; demographics, places and leaders are random but seeded. */
    static MatchingProblem district(int schools, long seed) {
        Random random = new Random(seed);
        List<UUID> leaders = new ArrayList<>();
        for (int i = 0; i < Math.max(1, schools / 10); i++) {
            leaders.add(new UUID(seed, i));
        }
        List<Studio> studios = new ArrayList<>();
        List<SchoolProfile> residencies = new ArrayList<>();
        for (int i = 0; i < schools; i++) {
            double latino = random.nextDouble() * 60;
            double asian = random.nextDouble() * (100 - latino) * 0.5;
            double black = random.nextDouble() * (100 - latino - asian) * 0.6;
            SchoolProfile school = new SchoolProfile(new UUID(seed + 1, i), "School " + i,
                    random.nextDouble() * 100, random.nextDouble() * 60,
                    Map.of("latino", latino, "asian", asian, "black", black, "white", 100 - latino - asian - black),
                    1 + random.nextInt(40), random.nextDouble() * 100, 200 + random.nextInt(800),
                    47.4 + random.nextDouble() * 0.4, -122.5 + random.nextDouble() * 0.4,
                    1 + random.nextInt(4), leaders.get(random.nextInt(leaders.size())));
            if (i % 2 == 0) {
                studios.add(new Studio(school, 1 + random.nextInt(3)));
            } else {
                residencies.add(school);
            }
        }
        return new MatchingProblem(studios, residencies, Weights.defaults(), Set.of(), Set.of(), null);
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
