package org.studioresidency.session.service;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import org.studioresidency.session.domain.SessionScheduleChanged;
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
import java.util.UUID;

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
                                       List<SchoolName> residencySchools, List<Member> team, Integer teamVersion) {
    }

    /** What this service reads of {@code district.pairing.dissolved.v1}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PairingDissolved(UUID pairingId, UUID schoolYearId, String reason) {
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
    private final Event<SessionScheduleChanged> scheduleChanged;

    PairingService(ProcessedEvents processed, SessionRepository sessions, SessionEvents events, Event<SessionScheduleChanged> scheduleChanged) {
        this.processed = processed;
        this.sessions = sessions;
        this.events = events;
        this.scheduleChanged = scheduleChanged;
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
        int teamVersion = announced.teamVersion() == null ? 0 : announced.teamVersion();
        Pairing pairing = Pairing.<Pairing>findByIdOptional(announced.pairingId()).orElse(null);
        if (pairing != null && (pairing.dissolved || pairing.teamVersion >= teamVersion)) {
            LOG.debugf("Pairing %s: team version %d is not newer than %d, ignored", pairing.id, teamVersion, pairing.teamVersion);
            return;
        }
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
        rebookTeam(pairing);
    }

    /**
     * The team's people hold the half-days of the pairing's booked sessions. A newcomer already booked elsewhere in
     * that half-day cannot be refused here (the team is pairing-service's decision); it is logged for the district office.
     */
    private void rebookTeam(Pairing pairing) {
        for (Session session : sessions.ofPairings(List.of(pairing.id))) {
            if (!session.status.booksPeople()) {
                continue;
            }
            sessions.releaseBookings(session.id);
            scheduleChanged.fire(new SessionScheduleChanged(session, pairing));
            List<UUID> unbooked = sessions.bookWherePossible(session.id, PlanningProblemFactory.participantIds(pairing), session.date, session.halfDay);
            if (!unbooked.isEmpty()) {
                LOG.warnf("Pairing %s team version %d: staff %s already booked elsewhere on %s %s (session %s)", pairing.id,
                        pairing.teamVersion, unbooked, session.date, session.halfDay, session.id);
            }
        }
    }

    @Transactional
    public void apply(String eventId, PairingDissolved dissolved) {
        if (!processed.claim(CONSUMER, eventId)) {
            return;
        }
        Pairing pairing = Pairing.<Pairing>findByIdOptional(Objects.requireNonNull(dissolved.pairingId(), "pairingId")).orElse(null);
        if (pairing == null) {
            LOG.infof("Pairing %s dissolved before this service heard of it; nothing to do", dissolved.pairingId());
            return;
        }
        pairing.dissolved = true;
        pairing.dissolvedReason = dissolved.reason();
        DistrictSetting settings = DistrictSetting.current();
        for (Session session : sessions.ofPairings(List.of(pairing.id))) {
            if (session.status != SessionStatus.PLANNED && session.status != SessionStatus.PUBLISHED) {
                continue;
            }
            boolean published = session.status == SessionStatus.PUBLISHED;
            session.status = SessionStatus.CANCELLED;
            session.cancelReason = "The pairing was dissolved" + (dissolved.reason() == null ? "" : ": " + dissolved.reason());
            session.icsSequence++;
            session.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
            sessions.releaseBookings(session.id);
            if (published) {
                events.cancelled(session, pairing, settings);
            }
        }
    }
}
