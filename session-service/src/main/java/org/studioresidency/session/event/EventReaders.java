package org.studioresidency.session.event;

import org.studioresidency.session.service.DirectoryService;
import org.studioresidency.session.service.PairingService;
import org.studioresidency.session.service.SchoolYearService;

import java.util.Map;

/** The event types this service reads, each with the record it reads its {@code data} into. */
public final class EventReaders {

    public static final Map<String, Class<?>> BY_TYPE = Map.of(
            "district.directory.school-year.created.v1", SchoolYearService.SchoolYearCreated.class,
            "district.directory.school-year.updated.v1", SchoolYearService.SchoolYearCreated.class,
            "district.directory.school.created.v1", DirectoryService.SchoolChanged.class,
            "district.directory.school.updated.v1", DirectoryService.SchoolChanged.class,
            "district.directory.staff.created.v1", DirectoryService.StaffChanged.class,
            "district.directory.staff.updated.v1", DirectoryService.StaffChanged.class,
            "district.pairing.confirmed.v1", PairingService.PairingTeamAnnounced.class,
            "district.pairing.team-changed.v1", PairingService.PairingTeamAnnounced.class,
            "district.pairing.dissolved.v1", PairingService.PairingDissolved.class);

    private EventReaders() {
    }
}
