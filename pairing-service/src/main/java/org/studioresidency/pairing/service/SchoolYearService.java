package org.studioresidency.pairing.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.studioresidency.pairing.domain.SchoolYear;
import org.studioresidency.pairing.event.Outbox;
import org.studioresidency.pairing.event.Topics;
import org.studioresidency.pairing.repository.SchoolYearRepository;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SchoolYearService {

    /** Data of {@code district.directory.school-year.created.v1} and {@code ...updated.v1}: the full state. */
    public record SchoolYearCreated(UUID schoolYearId, String name, LocalDate firstDay, LocalDate lastDay) {
    }

    private final SchoolYearRepository schoolYears;
    private final Outbox outbox;

    SchoolYearService(SchoolYearRepository schoolYears, Outbox outbox) {
        this.schoolYears = schoolYears;
        this.outbox = outbox;
    }

    public List<SchoolYear> list() {
        return schoolYears.listNewestFirst();
    }

    public SchoolYear get(UUID id) {
        return schoolYears.findByIdOptional(id).orElseThrow(() -> new PairingException.NotFound("School year", id));
    }

    @Transactional
    public SchoolYear create(String name, LocalDate firstDay, LocalDate lastDay) {
        if (!lastDay.isAfter(firstDay)) {
            throw new PairingException.InvalidField("lastDay", "must be after firstDay");
        }
        if (schoolYears.findByName(name).isPresent()) {
            throw new PairingException.Conflict("School year " + name + " already exists.");
        }
        SchoolYear year = new SchoolYear();
        year.id = UUID.randomUUID();
        year.name = name;
        year.firstDay = firstDay;
        year.lastDay = lastDay;
        schoolYears.persist(year);
        outbox.record(Topics.DIRECTORY, "district.directory.school-year.created.v1", "school-years/" + year.id, year.id,
                new SchoolYearCreated(year.id, name, firstDay, lastDay));
        return year;
    }

    /**
     * Renames a school year or moves its first or last day. Other services hold copies (session-service frames its
     * calendar with the days), so a real change is announced; an update that changes nothing announces nothing.
     */
    @Transactional
    public SchoolYear update(UUID id, long expectedVersion, String name, LocalDate firstDay, LocalDate lastDay) {
        SchoolYear year = get(id);
        if (year.version != expectedVersion) {
            throw new PairingException.StaleVersion("School year " + id);
        }
        if (!lastDay.isAfter(firstDay)) {
            throw new PairingException.InvalidField("lastDay", "must be after firstDay");
        }
        if (schoolYears.findByName(name).filter(other -> !other.id.equals(id)).isPresent()) {
            throw new PairingException.Conflict("School year " + name + " already exists.");
        }
        if (year.name.equals(name) && year.firstDay.equals(firstDay) && year.lastDay.equals(lastDay)) {
            return year;
        }
        year.name = name;
        year.firstDay = firstDay;
        year.lastDay = lastDay;
        schoolYears.getEntityManager().flush();
        outbox.record(Topics.DIRECTORY, "district.directory.school-year.updated.v1", "school-years/" + year.id, year.id,
                new SchoolYearCreated(year.id, name, firstDay, lastDay));
        return year;
    }
}
