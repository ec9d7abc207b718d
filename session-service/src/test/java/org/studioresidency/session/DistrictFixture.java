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
    /** The year's pairing revision as pairing-service would number it: one per change. */
    private long revision;

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
        Pairing pairing = new Pairing(pairingId, studioId, studioSchool, residencyId, team);
        announce(pairing, team, 1);
        return pairing;
    }

    /** pairing-service changed the pairing's team (the next team version); returns the pairing with its new team. */
    public Pairing changeTeam(Pairing pairing, int teamVersion, List<PairingService.Member> team) {
        announce(pairing, team, teamVersion);
        return new Pairing(pairing.pairingId(), pairing.studioSchoolId(), pairing.studioSchool(), pairing.residencySchoolId(), List.copyOf(team));
    }

    /** The revision of the year's last pairing change: what a caller of pairing-service would pass as pairingRevision. */
    public long revision() {
        return revision;
    }

    private void announce(Pairing pairing, List<PairingService.Member> team, int teamVersion) {
        revision++;
        pairings.apply(UUID.randomUUID().toString(), new PairingService.PairingTeamAnnounced(pairing.pairingId(), schoolYearId,
                new PairingService.SchoolName(pairing.studioSchoolId(), pairing.studioSchool()),
                List.of(new PairingService.SchoolName(pairing.residencySchoolId(), "Residency of " + pairing.studioSchool())), team,
                teamVersion, revision, 1));
    }

    /** pairing-service dissolved the pairing. */
    public void dissolve(Pairing pairing, String reason) {
        revision++;
        pairings.apply(UUID.randomUUID().toString(), new PairingService.PairingDissolved(pairing.pairingId(), schoolYearId, reason, revision, 1));
    }

    public static PairingService.Member consultant(String name) {
        return member(name, "EXTERNAL_CONSULTANT", null, "CONSULTANT");
    }

    public static PairingService.Member member(String name, String role, UUID schoolId, String teamRole) {
        UUID id = UUID.randomUUID();
        return new PairingService.Member(id, name, id + "@district.example", role, schoolId, teamRole);
    }

    public record Pairing(UUID pairingId, UUID studioSchoolId, String studioSchool, UUID residencySchoolId, List<PairingService.Member> team) {
    }
}
