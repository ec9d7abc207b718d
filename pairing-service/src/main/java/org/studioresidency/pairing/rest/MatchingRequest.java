package org.studioresidency.pairing.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.studioresidency.pairing.domain.MatchingCriteria;
import org.studioresidency.pairing.matching.SchoolPair;
import org.studioresidency.pairing.matching.Weights;

import java.util.List;
import java.util.Map;
import java.util.UUID;

@Schema(description = "Which schools to match and how. studioSchoolIds defaults to the year's designated studio schools; "
        + "weights default to the district defaults; capacities override the designations'.", example = """
        {"residencySchoolIds": ["1c8e6b63-1e5f-4b9b-9f1f-2a4f6c8dab02"],
         "weights": {"freeReducedLunch": 1, "englishLearners": 1, "raceEthnicity": 1, "homeLanguages": 0.5,
                     "readingProficiency": 1, "enrollment": 0.5, "readiness": 0.5, "distance": 0.5, "sameSupervisingLeader": 0.25},
         "mustPairs": [], "neverPairs": [], "maxDistanceKm": 25}""")
public record MatchingRequest(
        @Size(max = 5000) List<@NotNull UUID> studioSchoolIds,
        @NotEmpty @Size(max = 5000) List<@NotNull UUID> residencySchoolIds,
        @Valid WeightsRequest weights,
        @Size(max = 5000) List<@Valid @NotNull PairRequest> mustPairs,
        @Size(max = 50000) List<@Valid @NotNull PairRequest> neverPairs,
        @DecimalMin(value = "0", inclusive = false) Double maxDistanceKm,
        Map<@NotNull UUID, @NotNull @Min(1) @Max(10) Integer> capacities) {

    /** Weight of each criterion; all zero or positive. */
    public record WeightsRequest(@PositiveOrZero double freeReducedLunch, @PositiveOrZero double englishLearners,
                                 @PositiveOrZero double raceEthnicity, @PositiveOrZero double homeLanguages,
                                 @PositiveOrZero double readingProficiency, @PositiveOrZero double enrollment,
                                 @PositiveOrZero double readiness, @PositiveOrZero double distance,
                                 @PositiveOrZero double sameSupervisingLeader) {
    }

    public record PairRequest(@NotNull UUID studioSchoolId, @NotNull UUID residencySchoolId) {
        SchoolPair toPair() {
            return new SchoolPair(studioSchoolId, residencySchoolId);
        }
    }

    MatchingCriteria toCriteria() {
        Weights w = weights == null ? null : new Weights(weights.freeReducedLunch(), weights.englishLearners(), weights.raceEthnicity(),
                weights.homeLanguages(), weights.readingProficiency(), weights.enrollment(), weights.readiness(), weights.distance(),
                weights.sameSupervisingLeader());
        return new MatchingCriteria(studioSchoolIds, residencySchoolIds, w,
                mustPairs == null ? null : mustPairs.stream().map(PairRequest::toPair).toList(),
                neverPairs == null ? null : neverPairs.stream().map(PairRequest::toPair).toList(),
                maxDistanceKm, capacities);
    }
}
