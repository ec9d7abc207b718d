package org.studioresidency.pairing.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.studioresidency.pairing.service.TeamOptions;

import java.util.List;
import java.util.UUID;

@Schema(description = "Optional. Who confirmation spreads over the new pairings' first teams. consultants left out: every"
        + " active external consultant of the directory, balanced by count; given: only those, each with the number of"
        + " pairings of the year they are contracted for, balanced by the share of that capacity in use. districtLiteracyCoachIds"
        + " left out: every active district literacy coach, balanced by count. An empty list: nobody of that kind", example = """
        {"consultants": [{"staffId": "5d0c0000-0000-4000-8000-000000000010", "capacity": 4},
                         {"staffId": "5d0c0000-0000-4000-8000-000000000011", "capacity": 2}],
         "districtLiteracyCoachIds": ["5d0c0000-0000-4000-8000-000000000012"]}""")
public record ConfirmationRequest(@Size(max = 200) List<@Valid @NotNull ConsultantCapacity> consultants,
                                  @Size(max = 200) List<@NotNull UUID> districtLiteracyCoachIds) {

    public record ConsultantCapacity(@NotNull UUID staffId,
                                     @Schema(description = "How many pairings of the year the consultant is contracted for")
                                     @NotNull @Min(1) @Max(1000) Integer capacity) {
    }

    static TeamOptions toOptions(ConfirmationRequest request) {
        if (request == null) {
            return TeamOptions.FROM_DIRECTORY;
        }
        return new TeamOptions(request.consultants() == null ? null
                : request.consultants().stream().map(c -> new TeamOptions.ConsultantCapacity(c.staffId(), c.capacity())).toList(),
                request.districtLiteracyCoachIds());
    }
}
