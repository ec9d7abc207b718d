package org.studioresidency.pairing.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.studioresidency.pairing.domain.MatchingCriteria;
import org.studioresidency.pairing.domain.MatchingProposal;
import org.studioresidency.pairing.domain.ProposedPair;
import org.studioresidency.pairing.domain.School;
import org.studioresidency.pairing.domain.StudioDesignation;
import org.studioresidency.pairing.domain.UnmatchedSchool;
import org.studioresidency.pairing.matching.MatchingProblem;
import org.studioresidency.pairing.matching.MatchingResult;
import org.studioresidency.pairing.matching.OptimalMatcher;
import org.studioresidency.pairing.matching.SchoolPair;
import org.studioresidency.pairing.matching.SchoolProfile;
import org.studioresidency.pairing.matching.Similarity;
import org.studioresidency.pairing.matching.Studio;
import org.studioresidency.pairing.matching.Weights;
import org.studioresidency.pairing.repository.DesignationRepository;
import org.studioresidency.pairing.repository.PairingRepository;
import org.studioresidency.pairing.repository.ProposalRepository;
import org.studioresidency.pairing.repository.SchoolRepository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Runs the optimal matching for a school year and lets district leaders review and edit the proposal. */
@ApplicationScoped
public class MatchingService {

    /** One edit of a proposal by a district leader. */
    public enum EditAction { SWAP, LOCK, UNLOCK, REMOVE }

    private final OptimalMatcher matcher = new OptimalMatcher();
    private final ProposalRepository proposals;
    private final SchoolRepository schools;
    private final DesignationRepository designations;
    private final PairingRepository pairings;
    private final SchoolYearService schoolYears;

    MatchingService(ProposalRepository proposals, SchoolRepository schools, DesignationRepository designations,
                    PairingRepository pairings, SchoolYearService schoolYears) {
        this.proposals = proposals;
        this.schools = schools;
        this.designations = designations;
        this.pairings = pairings;
        this.schoolYears = schoolYears;
    }

    @Transactional
    public MatchingProposal propose(UUID schoolYearId, MatchingCriteria asked) {
        schoolYears.get(schoolYearId);
        Map<UUID, StudioDesignation> designated = designations.ofYear(schoolYearId).stream()
                .collect(Collectors.toMap(d -> d.schoolId, Function.identity()));
        List<UUID> studioIds = asked.studioSchoolIds() == null || asked.studioSchoolIds().isEmpty()
                ? designated.values().stream().filter(d -> d.studio).map(d -> d.schoolId).sorted().toList()
                : asked.studioSchoolIds();
        if (studioIds.isEmpty()) {
            throw new PairingException.InvalidField("studioSchoolIds", "is empty and no school is designated studio for this year");
        }
        MatchingCriteria criteria = new MatchingCriteria(List.copyOf(new LinkedHashSet<>(studioIds)),
                List.copyOf(new LinkedHashSet<>(asked.residencySchoolIds())),
                asked.weights() == null ? Weights.defaults() : asked.weights(),
                asked.mustPairs() == null ? List.of() : asked.mustPairs(),
                asked.neverPairs() == null ? List.of() : asked.neverPairs(),
                asked.maxDistanceKm(), asked.capacities() == null ? Map.of() : asked.capacities());
        Map<UUID, School> byId = load(criteria, schoolYearId);
        List<Studio> studios = criteria.studioSchoolIds().stream().map(id -> {
            StudioDesignation designation = designated.get(id);
            int capacity = criteria.capacities().getOrDefault(id, designation == null ? 1 : designation.capacity);
            if (capacity < 1) {
                throw new PairingException.InvalidField("capacities", "must be at least 1 for school " + id);
            }
            return new Studio(SchoolProfiles.of(byId.get(id), designation), capacity);
        }).toList();
        List<SchoolProfile> residencies = criteria.residencySchoolIds().stream()
                .map(id -> SchoolProfiles.of(byId.get(id), designated.get(id))).toList();
        MatchingResult result = matcher.match(new MatchingProblem(studios, residencies, criteria.weights(),
                Set.copyOf(criteria.mustPairs()), Set.copyOf(criteria.neverPairs()), criteria.maxDistanceKm()));

        MatchingProposal proposal = new MatchingProposal();
        proposal.id = UUID.randomUUID();
        proposal.schoolYearId = schoolYearId;
        proposal.request = criteria;
        proposal.pairs = result.matches().stream()
                .map(m -> new ProposedPair(m.studioSchoolId(), m.residencySchoolId(), m.score(), m.breakdown(), m.fixed(), m.warnings()))
                .toList();
        proposal.unmatched = result.unmatched().stream().map(u -> new UnmatchedSchool(u.residencySchoolId(), u.reason())).toList();
        proposal.totalScore = result.totalScore();
        proposals.persist(proposal);
        proposals.flush();
        return proposal;
    }

    /** Names of every school a proposal mentions, for readers. */
    public Map<UUID, String> schoolNames(MatchingProposal proposal) {
        Set<UUID> ids = new HashSet<>();
        proposal.pairs.forEach(p -> {
            ids.add(p.studioSchoolId());
            ids.add(p.residencySchoolId());
        });
        proposal.unmatched.forEach(u -> ids.add(u.residencySchoolId()));
        return schools.byIds(ids).stream().collect(Collectors.toMap(s -> s.id, s -> s.name));
    }

    public MatchingProposal get(UUID id) {
        return proposals.findByIdOptional(id).orElseThrow(() -> new PairingException.NotFound("Matching proposal", id));
    }

    /**
     * SWAP exchanges the studios of two residency schools; REMOVE takes a residency school out of the proposal;
     * LOCK keeps a pair from being swapped or removed until UNLOCK.
     */
    @Transactional
    public MatchingProposal edit(UUID id, long expectedVersion, EditAction action, UUID residencySchoolId, UUID otherResidencySchoolId) {
        MatchingProposal proposal = draft(id, expectedVersion);
        List<ProposedPair> pairs = new ArrayList<>(proposal.pairs);
        int first = indexOf(pairs, residencySchoolId, "residencySchoolId");
        switch (action) {
            case LOCK, UNLOCK -> pairs.set(first, pairs.get(first).locked(action == EditAction.LOCK));
            case REMOVE -> {
                requireUnlocked(pairs.get(first), "residencySchoolId");
                pairs.remove(first);
                List<UnmatchedSchool> unmatched = new ArrayList<>(proposal.unmatched);
                unmatched.add(new UnmatchedSchool(residencySchoolId, "removed by a district leader"));
                proposal.unmatched = unmatched;
            }
            case SWAP -> {
                if (otherResidencySchoolId == null) {
                    throw new PairingException.InvalidField("otherResidencySchoolId", "is required to swap");
                }
                int second = indexOf(pairs, otherResidencySchoolId, "otherResidencySchoolId");
                requireUnlocked(pairs.get(first), "residencySchoolId");
                requireUnlocked(pairs.get(second), "otherResidencySchoolId");
                ProposedPair a = pairs.get(first);
                ProposedPair b = pairs.get(second);
                pairs.set(first, rescored(proposal, a, b.studioSchoolId()));
                pairs.set(second, rescored(proposal, b, a.studioSchoolId()));
            }
        }
        proposal.pairs = List.copyOf(pairs);
        proposal.totalScore = Math.round(pairs.stream().mapToDouble(ProposedPair::score).sum() * 10_000) / 10_000.0;
        proposals.flush();
        return proposal;
    }

    MatchingProposal draft(UUID id, long expectedVersion) {
        MatchingProposal proposal = get(id);
        if (proposal.status != MatchingProposal.Status.DRAFT) {
            throw new PairingException.Conflict("Matching proposal " + id + " is already confirmed; run a new matching to change pairs.");
        }
        if (proposal.version != expectedVersion) {
            throw new PairingException.StaleVersion("Matching proposal " + id);
        }
        return proposal;
    }

    private ProposedPair rescored(MatchingProposal proposal, ProposedPair pair, UUID newStudio) {
        MatchingCriteria criteria = proposal.request;
        if (criteria.neverPairs().contains(new SchoolPair(newStudio, pair.residencySchoolId()))) {
            throw new PairingException.RuleViolation("The swap would make a never-pair.",
                    List.of(new PairingException.Reason("residencySchoolId", "school " + pair.residencySchoolId()
                            + " must never be paired with studio school " + newStudio)));
        }
        Map<UUID, StudioDesignation> designated = designations.ofYear(proposal.schoolYearId).stream()
                .collect(Collectors.toMap(d -> d.schoolId, Function.identity()));
        School studio = schools.findById(newStudio);
        School residency = schools.findById(pair.residencySchoolId());
        SchoolProfile studioProfile = SchoolProfiles.of(studio, designated.get(newStudio));
        SchoolProfile residencyProfile = SchoolProfiles.of(residency, designated.get(residency.id));
        Double km = Similarity.distanceKm(studioProfile, residencyProfile);
        if (criteria.maxDistanceKm() != null && km != null && km > criteria.maxDistanceKm()) {
            throw new PairingException.RuleViolation("The swap would exceed the maximum travel distance.",
                    List.of(new PairingException.Reason("residencySchoolId", String.format(java.util.Locale.ROOT,
                            "school %s would be %.0f km from its studio school, more than %.0f km", residency.id, km, criteria.maxDistanceKm()))));
        }
        Similarity.Score score = new Similarity(criteria.weights(), criteria.maxDistanceKm()).explain(studioProfile, residencyProfile);
        List<String> words = new ArrayList<>(score.breakdown());
        words.add("swapped by a district leader");
        return pair.withStudio(newStudio, score.total(), List.copyOf(words));
    }

    private static int indexOf(List<ProposedPair> pairs, UUID residencySchoolId, String field) {
        if (residencySchoolId == null) {
            throw new PairingException.InvalidField(field, "is required");
        }
        for (int i = 0; i < pairs.size(); i++) {
            if (pairs.get(i).residencySchoolId().equals(residencySchoolId)) {
                return i;
            }
        }
        throw new PairingException.InvalidField(field, "is not a residency school paired in this proposal");
    }

    private static void requireUnlocked(ProposedPair pair, String field) {
        if (pair.locked()) {
            throw new PairingException.RuleViolation("The pair is locked.",
                    List.of(new PairingException.Reason(field, "school " + pair.residencySchoolId() + " is locked to its studio; unlock it first")));
        }
    }

    private Map<UUID, School> load(MatchingCriteria criteria, UUID schoolYearId) {
        Set<UUID> all = new HashSet<>(criteria.studioSchoolIds());
        all.addAll(criteria.residencySchoolIds());
        Map<UUID, School> byId = new HashMap<>();
        schools.byIds(all).forEach(s -> byId.put(s.id, s));
        List<PairingException.Reason> problems = new ArrayList<>();
        all.stream().filter(id -> !byId.containsKey(id)).sorted()
                .forEach(id -> problems.add(new PairingException.Reason(criteria.studioSchoolIds().contains(id) ? "studioSchoolIds" : "residencySchoolIds",
                        "school " + id + " does not exist")));
        if (!problems.isEmpty()) {
            throw new PairingException.RuleViolation("Some schools of the request do not exist.", problems);
        }
        Set<UUID> taken = new HashSet<>(pairings.schoolsInActivePairings(schoolYearId));
        all.stream().filter(taken::contains).sorted().forEach(id -> problems.add(new PairingException.Reason(
                criteria.studioSchoolIds().contains(id) ? "studioSchoolIds" : "residencySchoolIds",
                "school " + id + " is already in a confirmed pairing this year")));
        if (!problems.isEmpty()) {
            throw new PairingException.RuleViolation("Some schools are already paired this year.", problems);
        }
        return byId;
    }
}
