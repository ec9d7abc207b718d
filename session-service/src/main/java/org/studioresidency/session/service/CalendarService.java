package org.studioresidency.session.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.studioresidency.session.domain.SchoolYear;
import org.studioresidency.session.repository.CalendarRepository;
import org.studioresidency.session.repository.CalendarRepository.DayKind;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** The district calendar of a school year: days off, blackouts, early release; edited by hand or imported from .ics. */
@ApplicationScoped
public class CalendarService {

    public record Calendar(UUID schoolYearId, List<CalendarRepository.DayEntry> days, List<CalendarRepository.Blackout> schoolBlackouts) {
    }

    /** What an import did: days written, and events it could not classify (so someone can enter them by hand). */
    public record ImportResult(int daysWritten, List<String> skippedEvents) {
    }

    private final CalendarRepository calendar;
    private final SchoolYearService schoolYears;

    CalendarService(CalendarRepository calendar, SchoolYearService schoolYears) {
        this.calendar = calendar;
        this.schoolYears = schoolYears;
    }

    public Calendar get(UUID schoolYearId) {
        schoolYears.get(schoolYearId);
        return new Calendar(schoolYearId, calendar.days(schoolYearId), calendar.blackouts(schoolYearId));
    }

    @Transactional
    public void setDay(UUID schoolYearId, LocalDate date, DayKind kind, String note) {
        SchoolYear year = schoolYears.get(schoolYearId);
        requireWithin(year, date, "date");
        calendar.upsertDay(schoolYearId, date, kind, note);
    }

    @Transactional
    public void clearDay(UUID schoolYearId, LocalDate date) {
        schoolYears.get(schoolYearId);
        calendar.deleteDay(schoolYearId, date);
    }

    @Transactional
    public void setSchoolBlackout(UUID schoolYearId, UUID schoolId, LocalDate date, String reason) {
        SchoolYear year = schoolYears.get(schoolYearId);
        requireWithin(year, date, "date");
        calendar.upsertBlackout(schoolYearId, schoolId, date, reason);
    }

    @Transactional
    public void clearSchoolBlackout(UUID schoolYearId, UUID schoolId, LocalDate date) {
        schoolYears.get(schoolYearId);
        calendar.deleteBlackout(schoolId, date);
    }

    /**
     * Reads a district's published calendar. All-day events are classified by their CATEGORIES or SUMMARY
     * (holiday, break/recess, testing/blackout, early release/dismissal); multi-day events cover each day.
     */
    @Transactional
    public ImportResult importIcs(UUID schoolYearId, InputStream ics) {
        SchoolYear year = schoolYears.get(schoolYearId);
        net.fortuna.ical4j.model.Calendar parsed = parse(ics);
        int written = 0;
        List<String> skipped = new ArrayList<>();
        for (VEvent event : parsed.<VEvent>getComponents(Component.VEVENT)) {
            String summary = event.getSummary() == null ? "" : event.getSummary().getValue();
            String categories = event.getProperty(Property.CATEGORIES).map(Property::getValue).orElse("");
            Optional<DayKind> kind = classify(categories + " " + summary);
            Optional<LocalDate> start = event.<net.fortuna.ical4j.model.property.DtStart<Temporal>>getProperty(Property.DTSTART).map(d -> toDate(d.getDate()));
            if (kind.isEmpty() || start.isEmpty()) {
                skipped.add(summary.isBlank() ? "(untitled event)" : summary);
                continue;
            }
            LocalDate end = event.<net.fortuna.ical4j.model.property.DtEnd<Temporal>>getProperty(Property.DTEND).map(d -> toDate(d.getDate())).orElse(start.get().plusDays(1));
            LocalDate last = end.isAfter(start.get()) ? end.minusDays(1) : start.get();
            for (LocalDate day = start.get(); !day.isAfter(last); day = day.plusDays(1)) {
                if (!day.isBefore(year.firstDay) && !day.isAfter(year.lastDay)) {
                    calendar.upsertDay(schoolYearId, day, kind.get(), summary);
                    written++;
                }
            }
        }
        return new ImportResult(written, skipped);
    }

    private static net.fortuna.ical4j.model.Calendar parse(InputStream ics) {
        try {
            return new CalendarBuilder().build(ics);
        } catch (ParserException e) {
            throw new SessionException.InvalidField("calendar", "is not a valid iCalendar file (line " + e.getLineNo() + ")");
        } catch (IOException e) {
            throw new SessionException.InvalidField("calendar", "could not be read");
        }
    }

    static Optional<DayKind> classify(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        if (t.contains("early release") || t.contains("early dismissal") || t.contains("minimum day")) {
            return Optional.of(DayKind.EARLY_RELEASE);
        }
        if (t.contains("testing") || t.contains("blackout") || t.contains("assessment")) {
            return Optional.of(DayKind.DISTRICT_BLACKOUT);
        }
        if (t.contains("break") || t.contains("recess") || t.contains("vacation")) {
            return Optional.of(DayKind.BREAK);
        }
        if (t.contains("holiday") || t.contains("no school") || t.contains("day off") || t.contains("professional development day")) {
            return Optional.of(DayKind.HOLIDAY);
        }
        return Optional.empty();
    }

    private static LocalDate toDate(Temporal temporal) {
        return switch (temporal) {
            case LocalDate d -> d;
            case LocalDateTime dt -> dt.toLocalDate();
            case ZonedDateTime z -> z.toLocalDate();
            case OffsetDateTime o -> o.toLocalDate();
            default -> LocalDate.from(temporal);
        };
    }

    private static void requireWithin(SchoolYear year, LocalDate date, String field) {
        if (date.isBefore(year.firstDay) || date.isAfter(year.lastDay)) {
            throw new SessionException.InvalidField(field, "must be within the school year " + year.name + " ("
                    + year.firstDay + " to " + year.lastDay + ")");
        }
    }
}
