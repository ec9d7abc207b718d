package org.studioresidency.pairing.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.studioresidency.pairing.config.PairingConfig;
import org.studioresidency.pairing.domain.MatchingProposal;
import org.studioresidency.pairing.domain.Pairing;
import org.studioresidency.pairing.domain.PairingResidency;
import org.studioresidency.pairing.domain.ProposedPair;
import org.studioresidency.pairing.domain.School;
import org.studioresidency.pairing.domain.Staff;
import org.studioresidency.pairing.domain.StaffRole;
import org.studioresidency.pairing.domain.StudioDesignation;
import org.studioresidency.pairing.domain.TeamMember;
import org.studioresidency.pairing.domain.TeamRole;
import org.studioresidency.pairing.domain.TeamVersion;
import org.studioresidency.pairing.event.PairingEvents;
import org.studioresidency.pairing.repository.DesignationRepository;
import org.studioresidency.pairing.repository.PairingRepository;
import org.studioresidency.pairing.repository.SchoolRepository;
import org.studioresidency.pairing.repository.StaffRepository;
import org.studioresidency.pairing.security.Scope;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Confirmed pairings, their versioned teams, and dissolving them. Each change publishes exactly one pairing event. */
@ApplicationScoped
public class PairingService {

    private final PairingRepository pairings;
    private final SchoolRepository schools;
    private final StaffRepository staff;
    private final DesignationRepository designations;
    private final MatchingService matching;
    private final PairingEvents events;
    private final PairingConfig config;

    PairingService(PairingRepository pairings, SchoolRepository schools, StaffRepository staff, DesignationRepository designations,
                   MatchingService matching, PairingEvents events, PairingConfig config) {
        this.config = config;
        this.pairings = pairings;
        this.schools = schools;
        this.staff = staff;
        this.designations = designations;
        this.matching = matching;
        this.events = events;
    }

    /** Turns the proposal's pairs into one pairing per studio school, each with a first team from the directory. */
    @Transactional
    public List<PairingView> confirm(UUID proposalId, long expectedVersion, String confirmedBy) {
        MatchingProposal proposal = matching.draft(proposalId, expectedVersion);
        if (proposal.pairs.isEmpty()) {
            throw new PairingException.RuleViolation("The proposal has no pairs to confirm.", List.of());
        }
        Set<UUID> taken = new HashSet<>(pairings.schoolsInActivePairings(proposal.schoolYearId));
        List<PairingException.Reason> clashes = proposal.pairs.stream()
                .flatMap(p -> java.util.stream.Stream.of(p.studioSchoolId(), p.residencySchoolId()))
                .filter(taken::contains).distinct().sorted()
                .map(id -> new PairingException.Reason(null, "school " + id + " is already in a confirmed pairing this year")).toList();
        if (!clashes.isEmpty()) {
            throw new PairingException.Conflict("Some schools were paired since this proposal was made.", clashes);
        }
        Map<UUID, List<UUID>> byStudio = new TreeMap<>();
        for (ProposedPair pair : proposal.pairs) {
            byStudio.computeIfAbsent(pair.studioSchoolId(), k -> new ArrayList<>()).add(pair.residencySchoolId());
        }
        Map<UUID, StudioDesignation> designated = designations.ofYear(proposal.schoolYearId).stream()
                .collect(Collectors.toMap(d -> d.schoolId, Function.identity()));
        List<PairingView> confirmed = new ArrayList<>();
        long revision = pairings.nextYearRevision(proposal.schoolYearId);
        for (Map.Entry<UUID, List<UUID>> entry : byStudio.entrySet()) {
            Pairing pairing = new Pairing();
            pairing.id = UUID.randomUUID();
            pairing.schoolYearId = proposal.schoolYearId;
            pairing.yearRevision = revision;
            pairing.studioSchoolId = entry.getKey();
            pairing.proposalId = proposal.id;
            pairings.persist(pairing);
            for (UUID residencyId : entry.getValue().stream().sorted().toList()) {
                PairingResidency residency = new PairingResidency();
                residency.id = UUID.randomUUID();
                residency.pairingId = pairing.id;
                residency.schoolId = residencyId;
                residency.schoolYearId = pairing.schoolYearId;
                pairings.persistResidency(residency);
            }
            List<TeamMember> team = firstTeam(pairing, entry.getValue(), designated.get(entry.getKey()));
            TeamVersion version = recordTeam(pairing, team, confirmedBy, "assembled from the directory when the pairing was confirmed");
            pairings.flush();
            PairingView view = view(pairing, version);
            events.confirmed(pairing, view.studio(), view.residencies(), team, view.staff(), byStudio.size());
            confirmed.add(view);
        }
        proposal.status = MatchingProposal.Status.CONFIRMED;
        return confirmed;
    }

    public List<PairingView> ofYear(UUID schoolYearId, Scope scope) {
        return pairings.ofYear(schoolYearId, scope.onlySchool()).stream().map(p -> view(p, pairings.currentTeam(p))).toList();
    }

    public PairingView get(UUID id, Scope scope) {
        Pairing pairing = pairings.findByIdOptional(id).orElseThrow(() -> new PairingException.NotFound("Pairing", id));
        PairingView view = view(pairing, pairings.currentTeam(pairing));
        if (!scope.sees(view.studio().id) && view.residencies().stream().noneMatch(s -> scope.sees(s.id))) {
            throw new PairingException.NotFound("Pairing", id);
        }
        return view;
    }

    public List<TeamVersion> teamHistory(UUID id, Scope scope) {
        get(id, scope);
        return pairings.teamHistory(id);
    }

    public Map<UUID, Staff> people(List<TeamVersion> versions) {
        Set<UUID> ids = versions.stream().flatMap(v -> v.members.stream()).map(TeamMember::staffId).collect(Collectors.toSet());
        return staff.byIds(ids).stream().collect(Collectors.toMap(s -> s.id, Function.identity()));
    }

    @Transactional
    public PairingView changeTeam(UUID id, long expectedVersion, List<TeamMember> members, String note, String changedBy) {
        Pairing pairing = active(id, expectedVersion);
        List<UUID> residencyIds = pairings.residencies(id).stream().map(r -> r.schoolId).toList();
        Map<UUID, Staff> people = staff.byIds(members.stream().map(TeamMember::staffId).toList()).stream()
                .collect(Collectors.toMap(s -> s.id, Function.identity()));
        TeamPolicy.check(members, people, pairing.studioSchoolId, Set.copyOf(residencyIds));
        TeamVersion current = pairings.currentTeam(pairing);
        if (Set.copyOf(current.members).equals(Set.copyOf(members)) && current.members.size() == members.size()) {
            return view(pairing, current);
        }
        pairing.teamVersion++;
        pairing.yearRevision = pairings.nextYearRevision(pairing.schoolYearId);
        TeamVersion version = recordTeam(pairing, List.copyOf(members), changedBy, note);
        pairings.flush();
        PairingView view = view(pairing, version);
        events.teamChanged(pairing, view.studio(), view.residencies(), members, view.staff());
        return view;
    }

    @Transactional
    public PairingView dissolve(UUID id, long expectedVersion, String reason) {
        Pairing pairing = active(id, expectedVersion);
        pairing.active = false;
        pairing.dissolvedReason = reason;
        pairing.yearRevision = pairings.nextYearRevision(pairing.schoolYearId);
        pairings.residencies(id).forEach(r -> r.active = false);
        pairings.flush();
        events.dissolved(pairing);
        return view(pairing, pairings.currentTeam(pairing));
    }

    private Pairing active(UUID id, long expectedVersion) {
        Pairing pairing = pairings.findByIdOptional(id).orElseThrow(() -> new PairingException.NotFound("Pairing", id));
        if (pairing.version != expectedVersion) {
            throw new PairingException.StaleVersion("Pairing " + id);
        }
        if (!pairing.active) {
            throw new PairingException.Conflict("Pairing " + id + " was dissolved: " + pairing.dissolvedReason);
        }
        return pairing;
    }

    /**
     * Both schools' principals and literacy coaches, the studio's focus teacher and the studio school's supervising leader.
     * The consultant, the district literacy coach and residency teachers are added by a team change.
     */
    private List<TeamMember> firstTeam(Pairing pairing, List<UUID> residencyIds, StudioDesignation designation) {
        Map<UUID, TeamMember> team = new LinkedHashMap<>();
        List<UUID> schoolIds = new ArrayList<>();
        schoolIds.add(pairing.studioSchoolId);
        schoolIds.addAll(residencyIds.stream().sorted().toList());
        for (UUID schoolId : schoolIds) {
            for (Staff member : staff.activeAt(schoolId)) {
                if (member.role == StaffRole.PRINCIPAL) {
                    team.putIfAbsent(member.id, new TeamMember(member.id, TeamRole.PRINCIPAL));
                } else if (member.role.isLiteracyCoach()) {
                    team.putIfAbsent(member.id, new TeamMember(member.id, TeamRole.LITERACY_COACH));
                }
            }
        }
        if (designation != null && designation.focusTeacherId != null) {
            team.putIfAbsent(designation.focusTeacherId, new TeamMember(designation.focusTeacherId, TeamRole.STUDIO_TEACHER));
        }
        School studio = schools.findById(pairing.studioSchoolId);
        if (studio.supervisingLeaderId != null) {
            team.putIfAbsent(studio.supervisingLeaderId, new TeamMember(studio.supervisingLeaderId, TeamRole.CENTRAL_OFFICE_LEADER));
        }
        return List.copyOf(team.values());
    }

    private TeamVersion recordTeam(Pairing pairing, List<TeamMember> members, String by, String note) {
        TeamVersion version = new TeamVersion();
        version.id = UUID.randomUUID();
        version.pairingId = pairing.id;
        version.teamVersion = pairing.teamVersion;
        version.members = members;
        version.changedBy = by;
        version.note = note;
        pairings.persistTeam(version);
        return version;
    }

    private PairingView view(Pairing pairing, TeamVersion team) {
        School studio = schools.findById(pairing.studioSchoolId);
        List<School> residencies = schools.byIds(pairings.residencies(pairing.id).stream().map(r -> r.schoolId).toList());
        Map<UUID, Staff> people = new HashMap<>();
        staff.byIds(team.members.stream().map(TeamMember::staffId).toList()).forEach(s -> people.put(s.id, s));
        return new PairingView(pairing, studio, residencies, team, people, TeamPolicy.warnings(team.members, config.team().usualMinSize(), config.team().usualMaxSize()));
    }
}
