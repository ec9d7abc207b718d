package org.studioresidency.session.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.studioresidency.session.domain.Consultant;
import org.studioresidency.session.domain.Staff;
import org.studioresidency.session.repository.ConsultantRepository;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Consultants' contracts: the days they are contracted for (none: any instructional day), the dates they are
 * unavailable (a date inside the contracted days is a vacation: contracted, yet not worked), and the most sessions they
 * lead in a week. Every external consultant of the directory is listed, with their terms or, until terms are set, the
 * defaults the planner assumes.
 */
@ApplicationScoped
public class ConsultantService {

    /** The weekly maximum of a consultant without terms, as the planner assumes it. */
    public static final int DEFAULT_MAX_SESSIONS_PER_WEEK = 3;
    private static final String CONSULTANT_ROLE = "EXTERNAL_CONSULTANT";

    /** A consultant's terms; {@code termsSet} false: nobody set them yet, these are the defaults. */
    public record ConsultantTerms(UUID staffId, String name, String email, int maxSessionsPerWeek, Set<LocalDate> contractedDays,
                                  Set<LocalDate> unavailableDates, boolean termsSet, Long version) {
    }

    private final ConsultantRepository consultants;

    ConsultantService(ConsultantRepository consultants) {
        this.consultants = consultants;
    }

    /** Every consultant with terms and every active external consultant of the directory, by name. */
    public List<ConsultantTerms> list() {
        var contracted = consultants.days(ConsultantRepository.DayKind.CONTRACTED);
        var unavailable = consultants.days(ConsultantRepository.DayKind.UNAVAILABLE);
        Map<UUID, Staff> directory = Staff.<Staff>list("role", CONSULTANT_ROLE).stream()
                .collect(Collectors.toMap(s -> s.id, s -> s));
        List<ConsultantTerms> terms = new ArrayList<>();
        for (Consultant c : consultants.listAll()) {
            Staff person = directory.remove(c.staffId);
            terms.add(new ConsultantTerms(c.staffId, c.name, person == null ? null : person.email, c.maxSessionsPerWeek,
                    contracted.getOrDefault(c.staffId, Set.of()), unavailable.getOrDefault(c.staffId, Set.of()), true, c.version));
        }
        directory.values().stream().filter(s -> s.active).forEach(s -> terms.add(new ConsultantTerms(s.id, s.name, s.email,
                DEFAULT_MAX_SESSIONS_PER_WEEK, Set.of(), Set.of(), false, null)));
        terms.sort(Comparator.comparing(ConsultantTerms::name, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(ConsultantTerms::staffId));
        return terms;
    }

    /** One consultant's terms (or the defaults). */
    public ConsultantTerms get(UUID staffId) {
        return list().stream().filter(t -> t.staffId().equals(staffId)).findFirst()
                .orElseThrow(() -> new SessionException.NotFound("Consultant", staffId));
    }

    /** One consultant's terms in a bulk call. */
    public record Terms(UUID staffId, Long expectedVersion, String name, int maxSessionsPerWeek, Set<LocalDate> contractedDays,
                        Set<LocalDate> unavailableDates) {
    }

    /** Sets the terms of every consultant given, all or none: a consultant named twice refuses the whole call. */
    @Transactional
    public List<ConsultantTerms> putAll(List<Terms> all) {
        Set<UUID> seen = new java.util.HashSet<>();
        for (int i = 0; i < all.size(); i++) {
            if (!seen.add(all.get(i).staffId())) {
                throw new SessionException.InvalidField("[" + i + "].staffId", "names a consultant already given in this call");
            }
        }
        List<ConsultantTerms> saved = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Terms t = all.get(i);
            saved.add(put(t.staffId(), t.expectedVersion(), "[" + i + "].version", t.name(), t.maxSessionsPerWeek(), t.contractedDays(),
                    t.unavailableDates()));
        }
        return saved;
    }

    /**
     * Sets a consultant's terms. Unavailable dates may lie inside the contracted days (vacations) or, for a consultant
     * without contracted days, anywhere; a planned session is placed only on a date that is contracted (or any date, when
     * none are) and not unavailable.
     */
    @Transactional
    public ConsultantTerms put(UUID staffId, Long expectedVersion, String versionField, String name, int maxSessionsPerWeek,
                               Set<LocalDate> contractedDays, Set<LocalDate> unavailableDates) {
        java.util.Optional<Consultant> existing = consultants.findByIdOptional(staffId);
        // Terms once set are a versioned record: changing them names the version read, as every update does.
        if (existing.isPresent() && expectedVersion == null) {
            throw versionField.equals("If-Match") ? new SessionException.PreconditionRequired("the terms of consultant " + staffId)
                    : new SessionException.InvalidField(versionField, "is required: this consultant's terms were set before; send the version you read");
        }
        if (existing.isPresent() && expectedVersion != existing.get().version) {
            throw new SessionException.StaleVersion("The terms of consultant " + staffId);
        }
        Consultant consultant = existing.orElseGet(Consultant::new);
        consultant.staffId = staffId;
        Staff staff = Staff.findById(staffId);
        consultant.name = name != null ? name : staff != null ? staff.name : "Consultant " + staffId;
        consultant.maxSessionsPerWeek = maxSessionsPerWeek;
        consultants.persist(consultant);
        consultants.flush();
        consultants.replaceDays(staffId, ConsultantRepository.DayKind.CONTRACTED, contractedDays);
        consultants.replaceDays(staffId, ConsultantRepository.DayKind.UNAVAILABLE, unavailableDates);
        consultants.flush();
        return new ConsultantTerms(staffId, consultant.name, staff == null ? null : staff.email, maxSessionsPerWeek,
                contractedDays, unavailableDates, true, consultant.version);
    }
}
