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

    /** Confirms with first teams that draw consultants and district literacy coaches from the whole directory. */
    @Transactional
    public List<PairingView> confirm(UUID proposalId, long expectedVersion, String confirmedBy) {
        return confirm(proposalId, expectedVersion, confirmedBy, TeamOptions.FROM_DIRECTORY);
    }

    /**
     * Turns the proposal's pairs into one pairing per studio school, each with a first team proposed from the directory
     * and the designations: see {@link #firstTeam}. Consultants and district literacy coaches are spread over the year's
     * pairings (these and those confirmed before) as {@code options} say.
     */
    @Transactional
    public List<PairingView> confirm(UUID proposalId, long expectedVersion, String confirmedBy, TeamOptions options) {
        MatchingProposal proposal = matching.draft(proposalId, expectedVersion);
        if (proposal.pairs.isEmpty()) {
            throw new PairingException.RuleViolation("The proposal has no pairs to confirm.", List.of());
        }
        List<Spreader.Person> consultantPool = consultants(options.consultants());
        List<Spreader.Person> coachPool = districtCoaches(options.districtLiteracyCoachIds());
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
        List<TeamVersion> yearTeams = pairings.currentTeamsOfYear(proposal.schoolYearId);
        Spreader consultants = new Spreader(consultantPool, load(yearTeams, TeamRole.CONSULTANT));
        Spreader coaches = new Spreader(coachPool, load(yearTeams, TeamRole.DISTRICT_LITERACY_COACH));
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
            List<TeamMember> team = firstTeam(pairing, entry.getValue(), designated, consultants, coaches);
            TeamVersion version = recordTeam(pairing, team, confirmedBy, "proposed from the directory and the designations when the pairing was confirmed");
            pairings.flush();
            PairingView view = view(pairing, version);
            events.confirmed(pairing, view.studio(), view.residencies(), team, view.staff(), byStudio.size());
            confirmed.add(view);
        }
        proposal.status = MatchingProposal.Status.CONFIRMED;
        return confirmed;
    }

    private List<Spreader.Person> consultants(List<TeamOptions.ConsultantCapacity> named) {
        if (named == null) {
            return staff.activeIn(StaffRole.EXTERNAL_CONSULTANT).stream()
                    .map(s -> new Spreader.Person(s.id, s.name, Spreader.UNLIMITED)).toList();
        }
        List<Spreader.Person> people = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < named.size(); i++) {
            UUID id = named.get(i).staffId();
            Staff person = requireActive("consultants[" + i + "].staffId", id, StaffRole.EXTERNAL_CONSULTANT, seen);
            people.add(new Spreader.Person(id, person.name, named.get(i).capacity()));
        }
        return people;
    }

    private List<Spreader.Person> districtCoaches(List<UUID> named) {
        if (named == null) {
            return staff.activeIn(StaffRole.DISTRICT_LITERACY_COACH).stream()
                    .map(s -> new Spreader.Person(s.id, s.name, Spreader.UNLIMITED)).toList();
        }
        List<Spreader.Person> people = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < named.size(); i++) {
            Staff person = requireActive("districtLiteracyCoachIds[" + i + "]", named.get(i), StaffRole.DISTRICT_LITERACY_COACH, seen);
            people.add(new Spreader.Person(person.id, person.name, Spreader.UNLIMITED));
        }
        return people;
    }

    private Staff requireActive(String field, UUID id, StaffRole role, Set<UUID> seen) {
        if (!seen.add(id)) {
            throw new PairingException.InvalidField(field, "is named twice");
        }
        Staff person = staff.findByIdOptional(id).orElseThrow(() -> new PairingException.InvalidField(field, "names no staff member"));
        if (person.role != role || !person.active) {
            throw new PairingException.InvalidField(field, "must be an active " + role + ", not " + (person.active ? person.role : "an inactive " + person.role));
        }
        return person;
    }

    private static Map<UUID, Integer> load(List<TeamVersion> teams, TeamRole role) {
        Map<UUID, Integer> load = new HashMap<>();
        teams.forEach(t -> t.members.stream().filter(m -> m.teamRole() == role).forEach(m -> load.merge(m.staffId(), 1, Integer::sum)));
        return load;
    }

    public List<PairingView> ofYear(UUID schoolYearId, Scope scope) {
        return pairings.ofYear(schoolYearId, scope.onlySchool()).stream().map(p -> view(p, pairings.currentTeam(p))).toList();
    }

    public PairingView get(UUID id, Scope scope) {
        // The pairing and its team in one query, its schools in one more, the team's people in a third.
        Object[] row = pairings.withCurrentTeam(id).orElseThrow(() -> new PairingException.NotFound("Pairing", id));
        PairingView view = view((Pairing) row[0], (TeamVersion) row[1]);
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
        return replaceTeam(active(id, expectedVersion), members, note, changedBy);
    }

    /**
     * Sets which of one school's teachers take part in the pairing as residency teachers, leaving everyone else in the
     * team as they are. A principal does this for their own school only ({@code scope}); the district office for any.
     */
    @Transactional
    public PairingView setParticipants(UUID id, long expectedVersion, UUID schoolId, List<UUID> teacherIds, String note,
                                       String changedBy, Scope scope) {
        PairingView visible = get(id, scope);
        Set<UUID> schoolsOfPairing = new HashSet<>();
        schoolsOfPairing.add(visible.studio().id);
        visible.residencies().forEach(s -> schoolsOfPairing.add(s.id));
        if (!schoolsOfPairing.contains(schoolId)) {
            throw new PairingException.NotFound("School of pairing " + id + ":", schoolId);
        }
        if (!scope.sees(schoolId)) {
            throw new PairingException.Forbidden("A principal sets the participants of their own school only, not of school " + schoolId + ".");
        }
        Pairing pairing = active(id, expectedVersion);
        Map<UUID, Staff> teachers = staff.byIds(teacherIds).stream().collect(Collectors.toMap(s -> s.id, Function.identity()));
        TeamVersion current = pairings.currentTeam(pairing);
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < teacherIds.size(); i++) {
            String field = "teacherIds[" + i + "]";
            Staff teacher = teachers.get(teacherIds.get(i));
            if (!seen.add(teacherIds.get(i))) {
                throw new PairingException.InvalidField(field, "is named twice");
            }
            if (teacher == null || !teacher.active || teacher.role != StaffRole.TEACHER || !schoolId.equals(teacher.schoolId)) {
                throw new PairingException.InvalidField(field, "must be an active teacher of school " + schoolId);
            }
            if (current.members.stream().anyMatch(m -> m.staffId().equals(teacher.id) && m.teamRole() != TeamRole.RESIDENCY_TEACHER)) {
                throw new PairingException.InvalidField(field, "is in the team already in another role");
            }
        }
        Map<UUID, Staff> people = staff.byIds(current.members.stream().map(TeamMember::staffId).toList()).stream()
                .collect(Collectors.toMap(s -> s.id, Function.identity()));
        List<TeamMember> members = new ArrayList<>(current.members.stream()
                .filter(m -> m.teamRole() != TeamRole.RESIDENCY_TEACHER || people.get(m.staffId()) == null
                        || !schoolId.equals(people.get(m.staffId()).schoolId))
                .toList());
        teacherIds.forEach(t -> members.add(new TeamMember(t, TeamRole.RESIDENCY_TEACHER)));
        return replaceTeam(pairing, members, note == null ? "participants of school " + schoolId + " set" : note, changedBy);
    }

    private PairingView replaceTeam(Pairing pairing, List<TeamMember> members, String note, String changedBy) {
        UUID id = pairing.id;
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
     * Both schools' principals and literacy coaches, the studio's focus teacher, the residency teachers each school's
     * designation names, the studio school's supervising leader (else the first residency school's), one consultant and
     * one district literacy coach as spread over the year's pairings.
     */
    private List<TeamMember> firstTeam(Pairing pairing, List<UUID> residencyIds, Map<UUID, StudioDesignation> designated,
                                       Spreader consultants, Spreader coaches) {
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
        StudioDesignation studioDesignation = designated.get(pairing.studioSchoolId);
        if (studioDesignation != null && studioDesignation.focusTeacherId != null) {
            team.putIfAbsent(studioDesignation.focusTeacherId, new TeamMember(studioDesignation.focusTeacherId, TeamRole.STUDIO_TEACHER));
        }
        Set<UUID> activeTeachers = new HashSet<>();
        for (UUID schoolId : schoolIds) {
            StudioDesignation designation = designated.get(schoolId);
            if (designation != null) {
                List<Staff> named = staff.byIds(designation.residencyTeacherIds);
                named.stream().filter(t -> t.active && t.role == StaffRole.TEACHER && schoolId.equals(t.schoolId))
                        .forEach(t -> activeTeachers.add(t.id));
                designation.residencyTeacherIds.stream().filter(activeTeachers::contains)
                        .forEach(id -> team.putIfAbsent(id, new TeamMember(id, TeamRole.RESIDENCY_TEACHER)));
            }
        }
        schools.byIds(schoolIds).stream()
                .sorted(java.util.Comparator.comparingInt((School s) -> schoolIds.indexOf(s.id)))
                .map(s -> s.supervisingLeaderId).filter(java.util.Objects::nonNull).findFirst()
                .ifPresent(leader -> team.putIfAbsent(leader, new TeamMember(leader, TeamRole.CENTRAL_OFFICE_LEADER)));
        consultants.next().ifPresent(id -> team.putIfAbsent(id, new TeamMember(id, TeamRole.CONSULTANT)));
        coaches.next().ifPresent(id -> team.putIfAbsent(id, new TeamMember(id, TeamRole.DISTRICT_LITERACY_COACH)));
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
        School studio = null;
        List<School> residencies = new java.util.ArrayList<>();
        for (Object[] row : pairings.schoolsOf(pairing.id, pairing.studioSchoolId)) {
            School school = (School) row[0];
            if (school.id.equals(pairing.studioSchoolId)) {
                studio = school;
            }
            if (Boolean.TRUE.equals(row[1])) {
                residencies.add(school);
            }
        }
        Map<UUID, Staff> people = new HashMap<>();
        staff.toShow(team.members.stream().map(TeamMember::staffId).toList()).forEach(s -> people.put(s.id, s));
        return new PairingView(pairing, studio, residencies, team, people, TeamPolicy.warnings(team.members, config.team().usualMinSize(), config.team().usualMaxSize()));
    }
}
