package org.studioresidency.session.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.studioresidency.session.domain.Consultant;
import org.studioresidency.session.domain.Staff;
import org.studioresidency.session.repository.ConsultantRepository;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Consultants' contracts: contracted days or unavailable dates, and the most sessions they lead in a week. */
@ApplicationScoped
public class ConsultantService {

    public record ConsultantTerms(Consultant consultant, Set<LocalDate> contractedDays, Set<LocalDate> unavailableDates) {
    }

    private final ConsultantRepository consultants;

    ConsultantService(ConsultantRepository consultants) {
        this.consultants = consultants;
    }

    public List<ConsultantTerms> list() {
        var contracted = consultants.days(ConsultantRepository.DayKind.CONTRACTED);
        var unavailable = consultants.days(ConsultantRepository.DayKind.UNAVAILABLE);
        return consultants.listAll().stream()
                .map(c -> new ConsultantTerms(c, contracted.getOrDefault(c.staffId, Set.of()), unavailable.getOrDefault(c.staffId, Set.of())))
                .toList();
    }

    @Transactional
    public ConsultantTerms put(UUID staffId, String name, int maxSessionsPerWeek, Set<LocalDate> contractedDays,
                               Set<LocalDate> unavailableDates) {
        Set<LocalDate> overlap = new java.util.HashSet<>(contractedDays);
        overlap.retainAll(unavailableDates);
        if (!overlap.isEmpty()) {
            throw new SessionException.InvalidField("unavailableDates", "must not repeat contracted days " + overlap.stream().sorted().toList());
        }
        Consultant consultant = consultants.findByIdOptional(staffId).orElseGet(Consultant::new);
        consultant.staffId = staffId;
        Staff staff = Staff.findById(staffId);
        consultant.name = name != null ? name : staff != null ? staff.name : "Consultant " + staffId;
        consultant.maxSessionsPerWeek = maxSessionsPerWeek;
        consultants.persist(consultant);
        consultants.flush();
        consultants.replaceDays(staffId, ConsultantRepository.DayKind.CONTRACTED, contractedDays);
        consultants.replaceDays(staffId, ConsultantRepository.DayKind.UNAVAILABLE, unavailableDates);
        return new ConsultantTerms(consultant, contractedDays, unavailableDates);
    }
}
