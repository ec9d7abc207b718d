package org.studioresidency.session;

import org.studioresidency.session.service.PairingService;
import org.studioresidency.session.service.SchoolYearService;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Builds a fresh school year and pairings (new ids each time) through the same services the event consumers call. */
public final class DistrictFixture {

    public static final LocalDate FIRST_DAY = LocalDate.of(2026, 8, 31);
    public static final LocalDate LAST_DAY = LocalDate.of(2027, 6, 11);

    public final UUID schoolYearId = UUID.randomUUID();
    private final PairingService pairings;

    public DistrictFixture(SchoolYearService schoolYears, PairingService pairings) {
        this.pairings = pairings;
        schoolYears.apply(UUID.randomUUID().toString(),
                new SchoolYearService.SchoolYearCreated(schoolYearId, "Test " + schoolYearId.toString().substring(0, 8), FIRST_DAY, LAST_DAY));
    }

    /** A pairing whose team has its own people plus whoever is passed in (to share a consultant or leader). */
    public Pairing pairing(String studioSchool, PairingService.Member... shared) {
        UUID pairingId = UUID.randomUUID();
        UUID studioId = UUID.randomUUID();
        UUID residencyId = UUID.randomUUID();
        List<PairingService.Member> team = new ArrayList<>(List.of(shared));
        team.add(member("Principal of " + studioSchool, "PRINCIPAL", studioId, "PRINCIPAL"));
        team.add(member("Studio teacher of " + studioSchool, "TEACHER", studioId, "STUDIO_TEACHER"));
        team.add(member("Residency teacher visiting " + studioSchool, "TEACHER", residencyId, "RESIDENCY_TEACHER"));
        pairings.apply(UUID.randomUUID().toString(), new PairingService.PairingTeamAnnounced(pairingId, schoolYearId,
                new PairingService.SchoolName(studioId, studioSchool),
                List.of(new PairingService.SchoolName(residencyId, "Residency of " + studioSchool)), team, 1));
        return new Pairing(pairingId, studioId, residencyId, team);
    }

    public static PairingService.Member consultant(String name) {
        return member(name, "EXTERNAL_CONSULTANT", null, "CONSULTANT");
    }

    public static PairingService.Member member(String name, String role, UUID schoolId, String teamRole) {
        UUID id = UUID.randomUUID();
        return new PairingService.Member(id, name, id + "@district.example", role, schoolId, teamRole);
    }

    public record Pairing(UUID pairingId, UUID studioSchoolId, UUID residencySchoolId, List<PairingService.Member> team) {
    }
}
