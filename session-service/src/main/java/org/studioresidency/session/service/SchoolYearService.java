package org.studioresidency.session.service;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.studioresidency.session.domain.SchoolYear;
import org.studioresidency.session.event.ProcessedEvents;
import org.studioresidency.session.repository.SchoolYearRepository;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** School years as pairing-service announces them; the frame of each district calendar. */
@ApplicationScoped
public class SchoolYearService {

    /** What this service reads of {@code district.directory.school-year.created.v1} and {@code ...updated.v1} (full state). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SchoolYearCreated(UUID schoolYearId, String name, LocalDate firstDay, LocalDate lastDay) {
    }

    private static final String CONSUMER = "directory.school-year";

    private final SchoolYearRepository schoolYears;
    private final ProcessedEvents processed;

    SchoolYearService(SchoolYearRepository schoolYears, ProcessedEvents processed) {
        this.schoolYears = schoolYears;
        this.processed = processed;
    }

    public List<SchoolYear> list() {
        return schoolYears.listNewestFirst();
    }

    public SchoolYear get(UUID id) {
        return schoolYears.findByIdOptional(id).orElseThrow(() -> new SessionException.NotFound("School year", id));
    }

    @Transactional
    public void apply(String eventId, SchoolYearCreated created) {
        if (!processed.claim(CONSUMER, eventId)) {
            return;
        }
        Objects.requireNonNull(created.schoolYearId(), "schoolYearId");
        SchoolYear year = schoolYears.findByIdOptional(created.schoolYearId()).orElseGet(SchoolYear::new);
        year.id = created.schoolYearId();
        year.name = created.name();
        year.firstDay = created.firstDay();
        year.lastDay = created.lastDay();
        schoolYears.persist(year);
    }
}
