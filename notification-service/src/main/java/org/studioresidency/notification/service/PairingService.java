package org.studioresidency.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.studioresidency.notification.domain.Pairing;
import org.studioresidency.notification.domain.PairingMember;
import org.studioresidency.notification.event.PairingEvents;
import org.studioresidency.notification.event.PairingEvents.PairingDissolved;
import org.studioresidency.notification.event.PairingEvents.PairingState;
import org.studioresidency.notification.event.ProcessedEvents;
import org.studioresidency.notification.repository.PairingRepository;

import java.util.Objects;

/** Pairings and their teams from pairing-service: who the central-office leader of a pairing is. */
@ApplicationScoped
public class PairingService {

    private static final String CONSUMER = "pairing";

    private final PairingRepository pairings;
    private final ProcessedEvents processed;

    PairingService(PairingRepository pairings, ProcessedEvents processed) {
        this.pairings = pairings;
        this.processed = processed;
    }

    @Transactional
    public void apply(String eventId, PairingState state) {
        if (!processed.claim(CONSUMER, eventId)) {
            return;
        }
        Objects.requireNonNull(state.pairingId(), "pairingId");
        Objects.requireNonNull(state.studioSchool(), "studioSchool");
        Pairing pairing = pairings.findByIdOptional(state.pairingId()).orElseGet(Pairing::new);
        if (pairing.id != null && state.teamVersion() < pairing.teamVersion) {
            return; // an older team relayed late must not replace a newer one
        }
        pairing.id = state.pairingId();
        pairing.schoolYearId = state.schoolYearId();
        pairing.studioSchoolId = state.studioSchool().schoolId();
        pairing.teamVersion = state.teamVersion();
        pairing.schoolIds.clear();
        pairing.schoolIds.add(state.studioSchool().schoolId());
        if (state.residencySchools() != null) {
            state.residencySchools().forEach(s -> pairing.schoolIds.add(s.schoolId()));
        }
        pairing.team.clear();
        if (state.team() != null) {
            for (PairingEvents.Member m : state.team()) {
                PairingMember member = new PairingMember();
                member.staffId = m.staffId();
                member.name = m.name();
                member.email = m.email();
                member.schoolId = m.schoolId();
                member.teamRole = m.teamRole();
                pairing.team.add(member);
            }
        }
        pairings.persist(pairing);
    }

    @Transactional
    public void apply(String eventId, PairingDissolved dissolved) {
        if (!processed.claim(CONSUMER, eventId)) {
            return;
        }
        pairings.findByIdOptional(dissolved.pairingId()).ifPresent(p -> p.dissolved = true);
    }
}
