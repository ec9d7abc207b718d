package org.studioresidency.session.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.studioresidency.session.config.CalendarImportConfig;
import org.studioresidency.session.domain.DistrictSetting;
import org.studioresidency.session.domain.SchoolYear;
import org.studioresidency.session.repository.CalendarRepository;
import org.studioresidency.session.repository.CalendarRepository.DayKind;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The district calendar of a school year: days off, blackouts, early release; edited by hand or imported from .ics. */
@ApplicationScoped
public class CalendarService {

    public record Calendar(UUID schoolYearId, List<CalendarRepository.DayEntry> days, List<CalendarRepository.Blackout> schoolBlackouts) {
    }

    /**
     * What an import did: the weekdays it marked, how many events and occurrences (within the year) it read, the
     * events it could not classify (so someone can enter them by hand; the first 100 named) and every weekday on which
     * several events (or an event and a saved entry of another kind) met, with the kind kept.
     */
    public record ImportResult(int daysWritten, int eventsRead, int occurrencesInYear, int skippedCount,
                               List<String> skippedEvents, List<Overlap> overlaps) {
    }

    /** A weekday on which several events fall: the kind kept by precedence, how many events, and (the first 20 of) them. */
    public record Overlap(LocalDate date, DayKind kind, int eventCount, List<String> events) {
    }

    private final CalendarRepository calendar;
    private final SchoolYearService schoolYears;

    private final CalendarImportConfig limits;

    CalendarService(CalendarRepository calendar, SchoolYearService schoolYears, CalendarImportConfig limits) {
        this.calendar = calendar;
        this.schoolYears = schoolYears;
        this.limits = limits;
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
     * Reads a district's published calendar (see {@link IcsDayReader}: recurrences expanded within the year, spans
     * clamped to it, overlaps resolved by precedence) and writes the weekdays it marks. A day already in the calendar
     * keeps its kind when that kind is stronger than the imported one; lift it with {@code DELETE days/{date}}.
     * The file is read and expanded outside any transaction; only the writing of the days is one.
     */
    public ImportResult importIcs(UUID schoolYearId, InputStream ics, List<String> mapping, boolean useDefaults) {
        SchoolYear year = schoolYears.get(schoolYearId);
        List<IcsDayReader.KindRule> districtRules = mapping(mapping);
        byte[] bytes = readBounded(ics);
        IcsDayReader reader = new IcsDayReader(year.firstDay, year.lastDay, DistrictSetting.current().zone(), districtRules,
                useDefaults, new IcsDayReader.Limits(limits.maxBytes(), limits.maxEvents(), limits.maxOccurrences()));
        IcsDayReader.Result read = reader.read(bytes);
        return QuarkusTransaction.joiningExisting().call(() -> write(schoolYearId, read));
    }

    private ImportResult write(UUID schoolYearId, IcsDayReader.Result read) {
        Map<LocalDate, CalendarRepository.DayEntry> saved = calendar.days(schoolYearId).stream()
                .collect(Collectors.toMap(CalendarRepository.DayEntry::date, e -> e));
        List<Overlap> overlaps = new ArrayList<>();
        int written = 0;
        for (Map.Entry<LocalDate, IcsDayReader.Day> entry : read.days().entrySet()) {
            LocalDate date = entry.getKey();
            IcsDayReader.Day day = entry.getValue();
            List<String> events = new ArrayList<>(day.names);
            DayKind kind = day.kind;
            String note = day.note;
            CalendarRepository.DayEntry before = saved.get(date);
            int count = day.events;
            if (before != null && before.kind() != day.kind) {
                events.add("saved calendar entry" + (before.note() == null ? "" : " " + before.note()) + " (" + before.kind() + ")");
                count++;
                if (IcsDayReader.stronger(before.kind(), day.kind)) {
                    kind = before.kind();
                    note = before.note();
                }
            }
            if (count > 1) {
                overlaps.add(new Overlap(date, kind, count, events));
            }
            if (before == null || before.kind() != kind || !java.util.Objects.equals(before.note(), note)) {
                calendar.upsertDay(schoolYearId, date, kind, note == null ? null : truncate(note));
            }
            written++;
        }
        return new ImportResult(written, read.eventsRead(), read.occurrences(), read.skippedCount(), read.skipped(), overlaps);
    }

    /** The district's words, each {@code word=KIND} (KIND one of HOLIDAY, BREAK, DISTRICT_BLACKOUT, EARLY_RELEASE, IGNORE). */
    static List<IcsDayReader.KindRule> mapping(List<String> entries) {
        List<IcsDayReader.KindRule> rules = new ArrayList<>();
        for (String entry : entries == null ? List.<String>of() : entries) {
            int eq = entry.lastIndexOf('=');
            String word = eq < 0 ? "" : entry.substring(0, eq).strip();
            String kind = eq < 0 ? "" : entry.substring(eq + 1).strip().toUpperCase(java.util.Locale.ROOT);
            if (word.isEmpty() || word.length() > 100) {
                throw new SessionException.InvalidField("map", "entries must read word=KIND with a word of 1 to 100 characters (got \""
                        + (entry.length() > 120 ? entry.substring(0, 120) + "..." : entry) + "\")");
            }
            switch (kind) {
                case "IGNORE" -> rules.add(new IcsDayReader.KindRule(word, java.util.Optional.empty()));
                case "HOLIDAY", "BREAK", "DISTRICT_BLACKOUT", "EARLY_RELEASE" -> rules.add(IcsDayReader.KindRule.of(word, DayKind.valueOf(kind)));
                default -> throw new SessionException.InvalidField("map", "kind of \"" + word
                        + "\" must be one of HOLIDAY, BREAK, DISTRICT_BLACKOUT, EARLY_RELEASE, IGNORE");
            }
        }
        if (rules.size() > 200) {
            throw new SessionException.InvalidField("map", "may have at most 200 entries");
        }
        return rules;
    }

    private byte[] readBounded(InputStream ics) {
        try {
            byte[] bytes = ics.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxBytes() + 1));
            if (bytes.length > limits.maxBytes()) {
                throw new SessionException.TooLarge("calendar", "is larger than the limit of " + limits.maxBytes()
                        + " bytes per import (calendar-import.max-bytes)");
            }
            return bytes;
        } catch (IOException e) {
            throw new SessionException.InvalidField("calendar", "could not be read");
        }
    }

    private static String truncate(String note) {
        return note.length() <= 200 ? note : note.substring(0, 200);
    }

    private static void requireWithin(SchoolYear year, LocalDate date, String field) {
        if (date.isBefore(year.firstDay) || date.isAfter(year.lastDay)) {
            throw new SessionException.InvalidField(field, "must be within the school year " + year.name + " ("
                    + year.firstDay + " to " + year.lastDay + ")");
        }
    }
}
