package org.studioresidency.session.service;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.studioresidency.session.domain.DistrictSetting;
import org.studioresidency.session.domain.Pairing;
import org.studioresidency.session.domain.Session;
import org.studioresidency.session.domain.SessionStatus;
import org.studioresidency.session.event.SessionEvents;
import org.studioresidency.session.repository.SessionRepository;
import org.studioresidency.session.domain.SchoolRef;
import org.studioresidency.session.domain.TeamMember;
import org.studioresidency.session.event.ProcessedEvents;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Pairings and their teams as pairing-service announces them. Team versions only go up, so a replayed or late
 * event never brings back an older team, and a dissolved pairing stays dissolved. Dissolving a pairing cancels its
 * sessions not yet held; a new team takes over the booked half-days of its sessions.
 */
@ApplicationScoped
public class PairingService {

    private static final Logger LOG = Logger.getLogger(PairingService.class);
    private static final String CONSUMER = "pairing";

    /** What this service reads of {@code district.pairing.confirmed.v1} and {@code team-changed.v1}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PairingTeamAnnounced(UUID pairingId, UUID schoolYearId, SchoolName studioSchool,
                                       List<SchoolName> residencySchools, List<Member> team, Integer teamVersion,
                                       Long yearRevision, Integer changesInRevision) {
    }

    /** What this service reads of {@code district.pairing.dissolved.v1}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PairingDissolved(UUID pairingId, UUID schoolYearId, String reason, Long yearRevision, Integer changesInRevision) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SchoolName(UUID schoolId, String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Member(UUID staffId, String name, String email, String role, UUID schoolId, String teamRole) {
    }

    private final ProcessedEvents processed;
    private final SessionRepository sessions;
    private final SessionEvents events;
    private final SessionSchedule schedule;
    private final CoverageFollowing coverage;
    private final SessionConflicts conflicts;
    private final PairingRevisions revisions;

    PairingService(ProcessedEvents processed, SessionRepository sessions, SessionEvents events, SessionSchedule schedule,
                   CoverageFollowing coverage, SessionConflicts conflicts, PairingRevisions revisions) {
        this.processed = processed;
        this.sessions = sessions;
        this.events = events;
        this.schedule = schedule;
        this.coverage = coverage;
        this.conflicts = conflicts;
        this.revisions = revisions;
    }

    public List<Pairing> listForYear(UUID schoolYearId) {
        return Pairing.list("schoolYearId = ?1 and dissolved = false ORDER BY studioSchoolName", schoolYearId);
    }

    public Pairing get(UUID pairingId) {
        return Pairing.<Pairing>findByIdOptional(pairingId).orElseThrow(() -> new SessionException.NotFound("Pairing", pairingId));
    }

    @Transactional
    public void apply(String eventId, PairingTeamAnnounced announced) {
        if (!processed.claim(CONSUMER, eventId)) {
            return;
        }
        Objects.requireNonNull(announced.pairingId(), "pairingId");
        Objects.requireNonNull(announced.studioSchool(), "studioSchool");
        // An old team still counts as received: the change it belongs to has reached this service.
        revisions.counted(announced.schoolYearId(), announced.yearRevision(), announced.changesInRevision());
        int teamVersion = announced.teamVersion() == null ? 0 : announced.teamVersion();
        Pairing pairing = Pairing.<Pairing>findByIdOptional(announced.pairingId()).orElse(null);
        if (pairing != null && (pairing.dissolved || pairing.teamVersion >= teamVersion)) {
            LOG.debugf("Pairing %s: team version %d is not newer than %d, ignored", pairing.id, teamVersion, pairing.teamVersion);
            return;
        }
        List<TeamMember> previousTeam = pairing == null ? List.of() : List.copyOf(pairing.team);
        if (pairing == null) {
            pairing = new Pairing();
            pairing.id = announced.pairingId();
        }
        pairing.schoolYearId = Objects.requireNonNull(announced.schoolYearId(), "schoolYearId");
        pairing.studioSchoolId = announced.studioSchool().schoolId();
        pairing.studioSchoolName = announced.studioSchool().name();
        pairing.teamVersion = teamVersion;
        pairing.residencySchools.clear();
        for (SchoolName school : announced.residencySchools() == null ? List.<SchoolName>of() : announced.residencySchools()) {
            pairing.residencySchools.add(new SchoolRef(school.schoolId(), school.name()));
        }
        pairing.team.clear();
        for (Member member : announced.team() == null ? List.<Member>of() : announced.team()) {
            TeamMember m = new TeamMember();
            m.staffId = Objects.requireNonNull(member.staffId(), "team.staffId");
            m.name = member.name();
            m.email = member.email();
            m.role = member.role();
            m.schoolId = member.schoolId();
            m.teamRole = Objects.requireNonNull(member.teamRole(), "team.teamRole");
            pairing.team.add(m);
        }
        pairing.persist();
        rebookTeam(pairing, previousTeam);
    }

    /**
     * The new team takes over the half-days of the pairing's published sessions (held ones keep who was there). The team
     * is pairing-service's decision, so it is not refused here: a newcomer already booked elsewhere in that half-day, or
     * a date pushed over the substitute cap, becomes a conflict on the session, announced to the district office.
     */
    private void rebookTeam(Pairing pairing, List<TeamMember> previousTeam) {
        Set<UUID> before = previousTeam.stream().map(m -> m.staffId).collect(Collectors.toSet());
        Set<UUID> after = pairing.team.stream().map(m -> m.staffId).collect(Collectors.toSet());
        List<TeamMember> added = pairing.team.stream().filter(m -> !before.contains(m.staffId)).toList();
        List<TeamMember> removed = previousTeam.stream().filter(m -> !after.contains(m.staffId)).toList();
        DistrictSetting settings = DistrictSetting.current();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (Session session : sessions.ofPairings(List.of(pairing.id))) {
            if (session.status != SessionStatus.PUBLISHED) {
                continue;
            }
            sessions.releaseBookings(session.id);
            List<UUID> unbooked = sessions.bookWherePossible(session.id, PlanningProblemFactory.participantIds(pairing), session.date, session.halfDay);
            coverage.follow(session, pairing);
            session.touch(now);
            if (!added.isEmpty() || !removed.isEmpty()) {
                events.teamChanged(session, pairing, settings, added, removed);
            }
            conflicts.reassessAt(session.date, session.halfDay, now);
            conflicts.doubleBooked(session, pairing, unbooked, now);
            conflicts.checkCap(session, session.date, now);
        }
    }

    @Transactional
    public void apply(String eventId, PairingDissolved dissolved) {
        if (!processed.claim(CONSUMER, eventId)) {
            return;
        }
        revisions.counted(dissolved.schoolYearId(), dissolved.yearRevision(), dissolved.changesInRevision());
        Pairing pairing = Pairing.<Pairing>findByIdOptional(Objects.requireNonNull(dissolved.pairingId(), "pairingId")).orElse(null);
        if (pairing == null) {
            LOG.infof("Pairing %s dissolved before this service heard of it; nothing to do", dissolved.pairingId());
            return;
        }
        pairing.dissolved = true;
        pairing.dissolvedReason = dissolved.reason();
        DistrictSetting settings = DistrictSetting.current();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String reason = "The pairing was dissolved" + (dissolved.reason() == null ? "" : ": " + dissolved.reason());
        for (Session session : sessions.ofPairings(List.of(pairing.id))) {
            if (session.canStillChange()) {
                schedule.cancel(session, pairing, reason, settings, now);
            }
        }
    }
}
