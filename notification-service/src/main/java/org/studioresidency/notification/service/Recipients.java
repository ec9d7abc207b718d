package org.studioresidency.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.studioresidency.notification.config.NotificationConfig;
import org.studioresidency.notification.domain.Pairing;
import org.studioresidency.notification.domain.PairingMember;
import org.studioresidency.notification.domain.School;
import org.studioresidency.notification.domain.Session;
import org.studioresidency.notification.event.PairingEvents.Member;
import org.studioresidency.notification.repository.PairingRepository;
import org.studioresidency.notification.repository.SchoolRepository;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Who receives what. The directory (pairing-service) is the source of a principal's current address; a session's
 * own participant list is the fallback when the directory has not been heard from yet.
 */
@ApplicationScoped
public class Recipients {

    private static final String PRINCIPAL = "PRINCIPAL";
    private static final String CENTRAL_OFFICE_LEADER = "CENTRAL_OFFICE_LEADER";

    private final SchoolRepository schools;
    private final PairingRepository pairings;
    private final NotificationConfig config;

    Recipients(SchoolRepository schools, PairingRepository pairings, NotificationConfig config) {
        this.schools = schools;
        this.pairings = pairings;
        this.config = config;
    }

    /** The district office mailbox (coverage and conflict alerts). */
    public Recipient districtOffice() {
        return new Recipient(config.district().name() + " district office", config.district().officeEmail(), null);
    }

    /** The school's principal, with the session's participants as last announced (team changes included) as fallback. */
    public Optional<Recipient> principalOf(UUID schoolId, Session session) {
        Optional<Recipient> fromDirectory = fromDirectory(schoolId);
        return fromDirectory.isPresent() ? fromDirectory : fromParticipants(schoolId, session.participants.stream()
                .map(m -> new Member(m.staffId, m.name, m.email, null, m.schoolId, m.teamRole)).toList());
    }

    public Optional<Recipient> principalOf(UUID schoolId, List<Member> participants) {
        Optional<Recipient> fromDirectory = fromDirectory(schoolId);
        return fromDirectory.isPresent() ? fromDirectory : fromParticipants(schoolId, participants);
    }

    /** The central-office leader sponsoring the pairing: from the session's participants, else the pairing's team. */
    public Optional<Recipient> centralOfficeLeader(UUID pairingId, List<Member> participants) {
        Optional<Recipient> fromSession = participants.stream()
                .filter(m -> CENTRAL_OFFICE_LEADER.equals(m.teamRole()) && hasEmail(m.email()))
                .findFirst()
                .map(m -> new Recipient(m.name(), m.email(), null));
        if (fromSession.isPresent() || pairingId == null) {
            return fromSession;
        }
        return pairings.findByIdOptional(pairingId)
                .flatMap(Pairing::centralOfficeLeader)
                .filter(m -> hasEmail(m.email))
                .map((PairingMember m) -> new Recipient(m.name, m.email, null));
    }

    /** The principals of the given schools and the pairing's central-office leader, each address once. */
    public List<Recipient> principalsAndLeader(Collection<UUID> schoolIds, UUID pairingId, List<Member> participants) {
        Map<String, Recipient> byAddress = new LinkedHashMap<>();
        for (UUID schoolId : schoolIds) {
            principalOf(schoolId, participants).ifPresent(r -> byAddress.putIfAbsent(r.key(), r));
        }
        centralOfficeLeader(pairingId, participants).ifPresent(r -> byAddress.putIfAbsent(r.key(), r));
        return List.copyOf(byAddress.values());
    }

    private Optional<Recipient> fromDirectory(UUID schoolId) {
        return schools.findByIdOptional(schoolId).filter(School::hasPrincipalEmail)
                .map(school -> new Recipient(school.principalName, school.principalEmail, schoolId));
    }

    private static Optional<Recipient> fromParticipants(UUID schoolId, List<Member> participants) {
        return participants.stream()
                .filter(m -> PRINCIPAL.equals(m.teamRole()) && schoolId.equals(m.schoolId()) && hasEmail(m.email()))
                .findFirst()
                .map(m -> new Recipient(m.name(), m.email(), schoolId));
    }

    private static boolean hasEmail(String email) {
        return email != null && !email.isBlank();
    }
}
