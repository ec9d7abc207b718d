package org.studioresidency.pairing.matching;

import org.junit.jupiter.api.Test;
import org.studioresidency.pairing.service.PairingException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptimalMatcherTest {

    private static final Weights ELL_ONLY = new Weights(0, 1, 0, 0, 0, 0, 0, 0, 0);
    private final OptimalMatcher optimal = new OptimalMatcher();

    private final SchoolProfile lowEllStudio = school("Adams", 10, 0, 0);
    private final SchoolProfile midEllStudio = school("Baker", 50, 0, 0);
    private final SchoolProfile fortyPercentResidency = school("Xavier", 40, 0, 0);
    private final SchoolProfile ninetyPercentResidency = school("York", 90, 0, 0);

    @Test
    void shouldFindTheOptimumAGreedyPickMisses() {
        // By hand: Xavier-Baker 0.9 is the best single pair, but then York-Adams 0.2 (total 1.1);
        // Xavier-Adams 0.7 + York-Baker 0.6 = 1.3 is the optimum.
        MatchingProblem problem = problem(List.of(studio(lowEllStudio, 1), studio(midEllStudio, 1)),
                List.of(fortyPercentResidency, ninetyPercentResidency), Set.of(), Set.of(), null);

        MatchingResult best = optimal.match(problem);
        MatchingResult greedy = new GreedyMatcher().match(problem);

        assertThat(best.totalScore()).isEqualTo(1.3);
        assertThat(pairs(best)).containsExactlyInAnyOrder(
                new SchoolPair(lowEllStudio.schoolId(), fortyPercentResidency.schoolId()),
                new SchoolPair(midEllStudio.schoolId(), ninetyPercentResidency.schoolId()));
        assertThat(greedy.totalScore()).isEqualTo(1.1);
    }

    @Test
    void shouldExplainEachPairScorePerCriterion() {
        MatchingResult result = optimal.match(problem(List.of(studio(lowEllStudio, 1)), List.of(fortyPercentResidency),
                Set.of(), Set.of(), null));

        assertThat(result.matches().get(0).breakdown()).containsExactly("similar ELL share (10% vs 40%): +0.70");
    }

    @Test
    void shouldNotHostMoreResidencySchoolsThanAStudioCapacity() {
        SchoolProfile third = school("Zion", 45, 0, 0);
        SchoolProfile fourth = school("Walnut", 5, 0, 0);
        MatchingResult result = optimal.match(problem(List.of(studio(lowEllStudio, 2), studio(midEllStudio, 1)),
                List.of(fortyPercentResidency, ninetyPercentResidency, third, fourth), Set.of(), Set.of(), null));

        assertThat(result.matches()).hasSize(3);
        assertThat(result.matches().stream().filter(m -> m.studioSchoolId().equals(lowEllStudio.schoolId()))).hasSize(2);
        assertThat(result.matches().stream().filter(m -> m.studioSchoolId().equals(midEllStudio.schoolId()))).hasSize(1);
        assertThat(result.unmatched()).singleElement().satisfies(u -> assertThat(u.reason()).startsWith("no capacity"));
    }

    @Test
    void shouldNeverPairSchoolsTheDistrictForbids() {
        SchoolPair forbidden = new SchoolPair(midEllStudio.schoolId(), fortyPercentResidency.schoolId());
        MatchingResult result = optimal.match(problem(List.of(studio(lowEllStudio, 1), studio(midEllStudio, 1)),
                List.of(fortyPercentResidency), Set.of(), Set.of(forbidden), null));

        assertThat(pairs(result)).containsExactly(new SchoolPair(lowEllStudio.schoolId(), fortyPercentResidency.schoolId()));
    }

    @Test
    void shouldSayEveryOptionIsForbiddenWhenEachStudioIsANeverPair() {
        MatchingResult result = optimal.match(problem(List.of(studio(lowEllStudio, 1)), List.of(fortyPercentResidency),
                Set.of(), Set.of(new SchoolPair(lowEllStudio.schoolId(), fortyPercentResidency.schoolId())), null));

        assertThat(result.matches()).isEmpty();
        assertThat(result.unmatched()).singleElement().satisfies(u -> assertThat(u.reason()).startsWith("every option forbidden"));
    }

    @Test
    void shouldNotPairSchoolsFartherApartThanTheTravelLimit() {
        SchoolProfile nearStudio = school("Near", 50, 47.60, -122.33);
        SchoolProfile farStudio = school("Far", 40, 47.90, -122.33);
        SchoolProfile residency = school("Home", 40, 47.61, -122.33);
        MatchingResult result = optimal.match(problem(List.of(studio(nearStudio, 1), studio(farStudio, 1)),
                List.of(residency), Set.of(), Set.of(), 10.0));

        assertThat(pairs(result)).containsExactly(new SchoolPair(nearStudio.schoolId(), residency.schoolId()));
    }

    @Test
    void shouldSayTooFarWhenEveryStudioIsBeyondTheTravelLimit() {
        SchoolProfile studio = school("North", 40, 47.90, -122.33);
        SchoolProfile residency = school("South", 40, 47.50, -122.33);
        MatchingResult result = optimal.match(problem(List.of(studio(studio, 1)), List.of(residency), Set.of(), Set.of(), 10.0));

        assertThat(result.unmatched()).singleElement().satisfies(u -> assertThat(u.reason()).startsWith("too far"));
    }

    @Test
    void shouldKeepMustPairsEvenWhenTheyLowerTheTotal() {
        SchoolPair fixed = new SchoolPair(midEllStudio.schoolId(), fortyPercentResidency.schoolId());
        MatchingResult result = optimal.match(problem(List.of(studio(lowEllStudio, 1), studio(midEllStudio, 1)),
                List.of(fortyPercentResidency, ninetyPercentResidency), Set.of(fixed), Set.of(), null));

        assertThat(pairs(result)).contains(fixed, new SchoolPair(lowEllStudio.schoolId(), ninetyPercentResidency.schoolId()));
        assertThat(result.matches()).filteredOn(Match::fixed).singleElement()
                .satisfies(m -> assertThat(m.breakdown()).contains("fixed by the district (must-pair)"));
    }

    @Test
    void shouldKeepAMustPairBeyondTheTravelLimitWithAWarning() {
        SchoolProfile north = school("North", 40, 47.90, -122.33);
        SchoolProfile south = school("South", 40, 47.50, -122.33);
        SchoolProfile near = school("Near", 40, 47.89, -122.33);
        double limitKm = 10.0;
        SchoolPair fixed = new SchoolPair(north.schoolId(), south.schoolId());

        MatchingResult result = optimal.match(problem(List.of(studio(north, 2)), List.of(south, near), Set.of(fixed), Set.of(), limitKm));

        assertThat(result.matches()).filteredOn(m -> m.residencySchoolId().equals(south.schoolId())).singleElement()
                .satisfies(m -> assertThat(m.warnings()).singleElement().asString()
                        .startsWith("must-pair beyond the maximum travel distance").contains("more than maxDistanceKm 10 km"));
        assertThat(result.matches()).filteredOn(m -> m.residencySchoolId().equals(near.schoolId())).singleElement()
                .satisfies(m -> assertThat(m.warnings()).isEmpty());
    }

    @Test
    void shouldNotAcceptAMustPairThatIsAlsoANeverPair() {
        SchoolPair pair = new SchoolPair(lowEllStudio.schoolId(), fortyPercentResidency.schoolId());
        assertThatThrownBy(() -> optimal.match(problem(List.of(studio(lowEllStudio, 1)), List.of(fortyPercentResidency),
                Set.of(pair), Set.of(pair), null)))
                .isInstanceOf(PairingException.RuleViolation.class)
                .satisfies(e -> assertThat(((PairingException) e).reasons()).extracting(PairingException.Reason::field).containsExactly("mustPairs"));
    }

    @Test
    void shouldNotAcceptMoreMustPairsThanAStudioCapacity() {
        assertThatThrownBy(() -> optimal.match(problem(List.of(studio(lowEllStudio, 1)),
                List.of(fortyPercentResidency, ninetyPercentResidency),
                Set.of(new SchoolPair(lowEllStudio.schoolId(), fortyPercentResidency.schoolId()),
                        new SchoolPair(lowEllStudio.schoolId(), ninetyPercentResidency.schoolId())), Set.of(), null)))
                .isInstanceOf(PairingException.RuleViolation.class)
                .hasMessageContaining("must-pairs");
    }

    @Test
    void shouldPlaceAsManyResidencySchoolsAsPossibleBeforeMaximisingTheScore() {
        // Adams takes only Xavier (York is a never-pair); York can go only to Baker, Xavier's best choice.
        MatchingResult result = optimal.match(problem(List.of(studio(lowEllStudio, 1), studio(midEllStudio, 1)),
                List.of(fortyPercentResidency, ninetyPercentResidency), Set.of(),
                Set.of(new SchoolPair(lowEllStudio.schoolId(), ninetyPercentResidency.schoolId())), null));

        assertThat(result.matches()).hasSize(2);
        assertThat(result.unmatched()).isEmpty();
    }

    @Test
    void shouldPlaceAResidencySchoolEvenWhenItsOnlyPairScoresBelowZero() {
        // Distance alone: two schools 40 km apart score below zero, and leaving the school unplaced scores zero.
        SchoolProfile studio = school("North", 10, 40.0, -75.0);
        SchoolProfile residency = school("South", 10, 40.36, -75.0);
        MatchingProblem problem = new MatchingProblem(List.of(studio(studio, 1)), List.of(residency),
                new Weights(0, 0, 0, 0, 0, 0, 0, 1, 0), Set.of(), Set.of(), null);

        MatchingResult result = optimal.match(problem);

        assertThat(result.matches()).hasSize(1);
        assertThat(result.totalScore()).isNegative();
    }

    @Test
    void shouldGiveTheSameMatchingForTheSameRequestInAnyOrder() {
        Random random = new Random(7);
        List<Studio> studios = new ArrayList<>();
        List<SchoolProfile> residencies = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            studios.add(studio(school("S" + i, random.nextInt(100), 0, 0), 1 + random.nextInt(2)));
            residencies.add(school("R" + i, random.nextInt(100), 0, 0));
        }
        MatchingResult first = optimal.match(problem(studios, residencies, Set.of(), Set.of(), null));
        Collections.shuffle(studios, random);
        Collections.shuffle(residencies, random);
        MatchingResult second = optimal.match(problem(studios, residencies, Set.of(), Set.of(), null));

        assertThat(second).isEqualTo(first);
        assertThat(first.totalScore()).isGreaterThanOrEqualTo(new GreedyMatcher().match(problem(studios, residencies, Set.of(), Set.of(), null)).totalScore());
    }

    @Test
    void shouldMatchTheExhaustiveOptimumOnSmallRandomDistricts() {
        Random random = new Random(11);
        for (int district = 0; district < 200; district++) {
            List<Studio> studios = new ArrayList<>();
            List<SchoolProfile> residencies = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                studios.add(studio(school("S" + district + "-" + i, random.nextInt(100), 0, 0), 1 + random.nextInt(3)));
            }
            for (int i = 0; i < 5; i++) {
                residencies.add(school("R" + district + "-" + i, random.nextInt(100), 0, 0));
            }
            Set<SchoolPair> never = new java.util.HashSet<>();
            for (int i = 0; i < 4; i++) {
                never.add(new SchoolPair(studios.get(random.nextInt(4)).school().schoolId(), residencies.get(random.nextInt(5)).schoolId()));
            }
            MatchingProblem problem = problem(studios, residencies, Set.of(), never, null);

            MatchingResult result = optimal.match(problem);
            double[] best = exhaustive(problem, 0, new int[4], 0, 0);

            assertThat(result.matches()).as("district %d placed", district).hasSize((int) best[0]);
            assertThat(result.totalScore()).as("district %d score", district).isCloseTo(best[1], org.assertj.core.data.Offset.offset(0.001));
        }
    }

    /** Best (placed, score) by trying every studio, or none, for each residency school in turn. */
    private static double[] exhaustive(MatchingProblem problem, int r, int[] used, int placed, double score) {
        if (r == problem.residencies().size()) {
            return new double[]{placed, score};
        }
        double[] best = exhaustive(problem, r + 1, used, placed, score);
        SchoolProfile residency = problem.residencies().get(r);
        Similarity similarity = new Similarity(problem.weights(), null);
        for (int s = 0; s < problem.studios().size(); s++) {
            Studio studio = problem.studios().get(s);
            if (used[s] < studio.capacity() && !problem.neverPairs().contains(new SchoolPair(studio.school().schoolId(), residency.schoolId()))) {
                used[s]++;
                double[] option = exhaustive(problem, r + 1, used, placed + 1, score + similarity.value(studio.school(), residency));
                used[s]--;
                if (option[0] > best[0] || option[0] == best[0] && option[1] > best[1] + 1e-9) {
                    best = option;
                }
            }
        }
        return best;
    }

    private static List<SchoolPair> pairs(MatchingResult result) {
        return result.matches().stream().map(m -> new SchoolPair(m.studioSchoolId(), m.residencySchoolId())).toList();
    }

    private static MatchingProblem problem(List<Studio> studios, List<SchoolProfile> residencies, Set<SchoolPair> must,
                                           Set<SchoolPair> never, Double maxKm) {
        return new MatchingProblem(List.copyOf(studios), List.copyOf(residencies), ELL_ONLY, must, never, maxKm);
    }

    private static Studio studio(SchoolProfile school, int capacity) {
        return new Studio(school, capacity);
    }

    private static SchoolProfile school(String name, double ellPercent, double latitude, double longitude) {
        boolean located = latitude != 0;
        return new SchoolProfile(UUID.nameUUIDFromBytes(name.getBytes()), name, null, ellPercent, Map.of(), null, null, null,
                located ? latitude : null, located ? longitude : null, null, null);
    }
}
