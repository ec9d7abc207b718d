package org.studioresidency.pairing.service;

import java.util.List;
import java.util.UUID;

/**
 * Who confirmation may spread over the new pairings. {@code consultants} null: every active external consultant of the
 * directory, balanced by count; else only those named, balanced by the capacity given (how many pairings of the year each
 * is contracted for). {@code districtLiteracyCoachIds} null: every active district literacy coach; else only those named.
 * An empty list puts nobody of that kind in the first teams.
 */
public record TeamOptions(List<ConsultantCapacity> consultants, List<UUID> districtLiteracyCoachIds) {

    public static final TeamOptions FROM_DIRECTORY = new TeamOptions(null, null);

    public record ConsultantCapacity(UUID staffId, int capacity) {
    }
}
