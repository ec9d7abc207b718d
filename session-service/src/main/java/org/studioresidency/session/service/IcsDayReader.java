package org.studioresidency.session.service;

import net.fortuna.ical4j.data.CalendarParserImpl;
import net.fortuna.ical4j.data.ContentHandler;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.TemporalAmountAdapter;
import org.studioresidency.session.repository.CalendarRepository.DayKind;

import java.io.ByteArrayInputStream;
import java.time.DateTimeException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.io.IOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Turns a district's .ics file into the weekdays of one school year that are not ordinary school days.
 * The file is tokenized by ical4j and read as raw properties; recurrence rules are expanded by ical4j's {@link Recur}.
 * Each event is classified by its CATEGORIES and SUMMARY ({@link KindRule}); its occurrences (DTSTART, RRULE, RDATE,
 * minus EXDATE and overridden RECURRENCE-IDs) are computed only inside the year, and each occurrence's span is
 * clamped to the year before its days are visited, so an event reaching 9999-12-31 costs no more than one of a week.
 * Where events overlap, the kind that keeps the most out wins ({@link #RANK}).
 */
final class IcsDayReader {

    /** Strongest first: a day that is not instructional for any reason stays so; an early release never undoes a blackout. */
    static final List<DayKind> RANK = List.of(DayKind.BREAK, DayKind.HOLIDAY, DayKind.DISTRICT_BLACKOUT,
            DayKind.EARLY_RELEASE, DayKind.INSTRUCTIONAL);

    /** A word (matched as a whole word or phrase, ignoring case) and the kind it means; no kind: ignore the event. */
    record KindRule(String word, Optional<DayKind> kind) {

        Pattern pattern() {
            return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(word.toLowerCase(Locale.ROOT)) + "(?![\\p{L}\\p{N}])");
        }

        static KindRule of(String word, DayKind kind) {
            return new KindRule(word, Optional.of(kind));
        }
    }

    /** The built-in words, checked in this order after the district's own mapping. */
    static final List<KindRule> DEFAULT_RULES = List.of(
            KindRule.of("early release", DayKind.EARLY_RELEASE), KindRule.of("early dismissal", DayKind.EARLY_RELEASE),
            KindRule.of("minimum day", DayKind.EARLY_RELEASE),
            KindRule.of("testing", DayKind.DISTRICT_BLACKOUT), KindRule.of("test window", DayKind.DISTRICT_BLACKOUT),
            KindRule.of("assessment", DayKind.DISTRICT_BLACKOUT), KindRule.of("blackout", DayKind.DISTRICT_BLACKOUT),
            KindRule.of("break", DayKind.BREAK), KindRule.of("recess", DayKind.BREAK), KindRule.of("vacation", DayKind.BREAK),
            KindRule.of("holiday", DayKind.HOLIDAY), KindRule.of("no school", DayKind.HOLIDAY),
            KindRule.of("no students", DayKind.HOLIDAY), KindRule.of("school closed", DayKind.HOLIDAY),
            KindRule.of("day off", DayKind.HOLIDAY), KindRule.of("professional development day", DayKind.HOLIDAY),
            KindRule.of("teacher work day", DayKind.HOLIDAY), KindRule.of("teacher workday", DayKind.HOLIDAY));

    static final int NAMES_PER_OVERLAP = 20;
    static final int SKIPPED_LISTED = 100;

    /** The limits one file must respect. */
    record Limits(long maxBytes, int maxEvents, int maxOccurrences) {
    }

    /** One weekday the file says something about: the kind kept, the event it came from, and every event on it. */
    static final class Day {
        DayKind kind;
        String note;
        int events;
        private int lastEvent = -1;
        final Set<String> names = new LinkedHashSet<>();

        private void add(int eventIndex, DayKind candidate, String label) {
            if (eventIndex == lastEvent) {
                return;
            }
            lastEvent = eventIndex;
            events++;
            if (names.size() < NAMES_PER_OVERLAP) {
                names.add(label + " (" + candidate + ")");
            }
            if (kind == null || stronger(candidate, kind)) {
                kind = candidate;
                note = label;
            }
        }
    }

    /** What the file says about the year. */
    record Result(TreeMap<LocalDate, Day> days, int eventsRead, int occurrences, int skippedCount, List<String> skipped) {
    }

    private final LocalDate first;
    private final LocalDate last;
    private final ZoneId zone;
    private final List<KindRule> rules;
    private final List<Pattern> patterns;
    private final Limits limits;
    private final Map<String, List<Temporal>> recurrences = new HashMap<>();
    private final Map<String, ZoneId> zones = new HashMap<>();

    IcsDayReader(LocalDate first, LocalDate last, ZoneId zone, List<KindRule> districtRules, boolean useDefaults, Limits limits) {
        this.first = first;
        this.last = last;
        this.zone = zone;
        this.rules = new ArrayList<>(districtRules);
        if (useDefaults) {
            this.rules.addAll(DEFAULT_RULES);
        }
        this.patterns = rules.stream().map(KindRule::pattern).toList();
        this.limits = limits;
    }

    static boolean stronger(DayKind a, DayKind b) {
        return RANK_OF[a.ordinal()] < RANK_OF[b.ordinal()];
    }

    private static final int[] RANK_OF = new int[DayKind.values().length];

    static {
        for (DayKind kind : DayKind.values()) {
            RANK_OF[kind.ordinal()] = RANK.indexOf(kind);
        }
    }

    Result read(byte[] ics) {
        int events = countEvents(ics);
        if (events > limits.maxEvents()) {
            throw new SessionException.InvalidField("calendar", "has " + events + " events, more than the limit of "
                    + limits.maxEvents() + " events per import (calendar-import.max-events)");
        }
        List<Event> vevents = parse(ics);
        Map<String, Set<LocalDate>> overridden = overriddenOccurrences(vevents);
        int yearDays = (int) ChronoUnit.DAYS.between(first, last) + 1;
        Day[] byOffset = new Day[yearDays];
        boolean[] weekday = new boolean[yearDays];
        for (int d = 0; d < yearDays; d++) {
            DayOfWeek dow = first.plusDays(d).getDayOfWeek();
            weekday[d] = dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
        }
        Set<String> skipped = new LinkedHashSet<>();
        int skippedCount = 0;
        int occurrences = 0;
        for (int i = 0; i < vevents.size(); i++) {
            Event event = vevents.get(i);
            String summary = event.text("SUMMARY");
            String label = summary.isBlank() ? "(untitled event)" : summary;
            if ("CANCELLED".equalsIgnoreCase(event.text("STATUS"))) {
                continue;
            }
            Optional<DayKind> kind = classify(event.categories(), summary);
            Optional<Raw> start = event.first("DTSTART");
            if (kind.isEmpty() || start.isEmpty()) {
                skippedCount++;
                if (skipped.size() < SKIPPED_LISTED) {
                    skipped.add(label);
                }
                continue;
            }
            List<Occurrence> found;
            try {
                Set<LocalDate> replaced = event.first("RECURRENCE-ID").isPresent() ? Set.of()
                        : overridden.getOrDefault(event.text("UID"), Set.of());
                found = occurrences(event, time(start.get()).getFirst(), replaced, limits.maxOccurrences() - occurrences);
            } catch (RuntimeException unreadable) {
                skippedCount++;
                if (skipped.size() < SKIPPED_LISTED) {
                    skipped.add(label + " (its dates or recurrence rule could not be read)");
                }
                continue;
            }
            occurrences += found.size();
            if (occurrences > limits.maxOccurrences()) {
                throw new SessionException.InvalidField("calendar", "has more than " + limits.maxOccurrences()
                        + " event occurrences within the school year, the limit per import (calendar-import.max-occurrences)");
            }
            for (Occurrence occurrence : found) {
                LocalDate from = occurrence.firstDay.isBefore(first) ? first : occurrence.firstDay;
                LocalDate to = occurrence.lastDay.isAfter(last) ? last : occurrence.lastDay;
                for (int d = (int) ChronoUnit.DAYS.between(first, from), end = (int) ChronoUnit.DAYS.between(first, to); d <= end; d++) {
                    if (weekday[d]) {
                        if (byOffset[d] == null) {
                            byOffset[d] = new Day();
                        }
                        byOffset[d].add(i, kind.get(), label);
                    }
                }
            }
        }
        TreeMap<LocalDate, Day> days = new TreeMap<>();
        for (int d = 0; d < yearDays; d++) {
            if (byOffset[d] != null) {
                days.put(first.plusDays(d), byOffset[d]);
            }
        }
        return new Result(days, vevents.size(), occurrences, skippedCount, List.copyOf(skipped));
    }

    Optional<DayKind> classify(List<String> categories, String summary) {
        String text = (String.join(" ; ", categories) + " ; " + summary).toLowerCase(Locale.ROOT);
        for (int r = 0; r < rules.size(); r++) {
            if (patterns.get(r).matcher(text).find()) {
                return rules.get(r).kind();
            }
        }
        return Optional.empty();
    }

    /** One occurrence of an event, as the district's local dates it touches (last day included). */
    private record Occurrence(LocalDate firstDay, LocalDate lastDay) {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private List<Occurrence> occurrences(Event event, Temporal start, Set<LocalDate> overridden, int budget) {
        boolean allDay = start instanceof LocalDate;
        TemporalAmount length = length(event, start, allDay);
        long reachDays = allDay ? ((java.time.Period) length).getDays() : ((Duration) length).toDays() + 1;
        Set<LocalDate> excluded = new HashSet<>(overridden);
        for (Raw exdate : event.all("EXDATE")) {
            for (Temporal date : time(exdate)) {
                excluded.add(localDate(date));
            }
        }
        LocalDate seedDay = localDate(start);
        LocalDate windowStart = reachDays > ChronoUnit.DAYS.between(first, last) + 1 ? seedDay : first.minusDays(reachDays);
        if (windowStart.isBefore(seedDay)) {
            windowStart = seedDay;
        }
        List<Temporal> startTimes = new ArrayList<>();
        startTimes.add(start);
        for (Raw rrule : event.all("RRULE")) {
            String key = rrule.value() + "|" + start + "|" + windowStart;
            List<Temporal> dates = recurrences.get(key);
            if (dates == null) {
                Recur recur = new Recur(rrule.value());
                dates = recur.getDates(start, bound(start, windowStart), bound(start, last.plusDays(1)), budget + 1);
                recurrences.put(key, dates);
            }
            startTimes.addAll(dates);
        }
        List<Occurrence> found = new ArrayList<>();
        for (Raw rdate : event.all("RDATE")) {
            if ("PERIOD".equalsIgnoreCase(rdate.params().get("VALUE"))) {
                for (String period : rdate.value().split(",")) {
                    String[] ends = period.strip().split("/", 2);
                    Temporal from = time(ends[0], rdate.params());
                    Temporal to = ends[1].startsWith("P") || ends[1].startsWith("+P")
                            ? from.plus(TemporalAmountAdapter.parse(ends[1]).getDuration()) : time(ends[1], rdate.params());
                    LocalDate day = localDate(from);
                    if (!excluded.contains(day)) {
                        found.add(new Occurrence(day, lastDay(from, to)));
                    }
                }
            } else {
                startTimes.addAll(time(rdate));
            }
        }
        Set<LocalDate> starts = new HashSet<>();
        for (Temporal time : startTimes) {
            LocalDate day = localDate(time);
            if (excluded.contains(day) || !starts.add(day)) {
                continue;
            }
            found.add(allDay ? new Occurrence(day, day.plusDays(Math.max(1, reachDays) - 1))
                    : new Occurrence(day, lastDay(time, time.plus(length))));
        }
        found.removeIf(o -> o.lastDay.isBefore(first) || o.firstDay.isAfter(last));
        return found;
    }

    /** How long one occurrence lasts: a number of days for all-day events (at least one), a duration for timed ones. */
    private TemporalAmount length(Event event, Temporal start, boolean allDay) {
        Optional<Temporal> end = event.first("DTEND").map(raw -> time(raw).getFirst());
        Optional<TemporalAmount> duration = event.first("DURATION").map(raw -> TemporalAmountAdapter.parse(raw.value()).getDuration());
        if (allDay) {
            LocalDate day = (LocalDate) start;
            long days = end.map(e -> ChronoUnit.DAYS.between(day, localDate(e)))
                    .or(() -> duration.map(d -> d instanceof Duration exact ? exact.toDays() : ChronoUnit.DAYS.between(day, day.plus(d))))
                    .orElse(1L);
            return java.time.Period.ofDays((int) Math.clamp(days, 1, Integer.MAX_VALUE));
        }
        return end.map(e -> Duration.between(localDateTime(start), localDateTime(e)))
                .or(() -> duration.map(d -> d instanceof Duration exact ? exact
                        : Duration.ofDays(ChronoUnit.DAYS.between(localDate(start), localDate(start).plus(d)))))
                .map(d -> d.isNegative() ? Duration.ZERO : d)
                .orElse(Duration.ZERO);
    }

    private LocalDate lastDay(Temporal start, Temporal end) {
        LocalDate firstDay = localDate(start);
        if (start instanceof LocalDate && end instanceof LocalDate endDay) {
            return endDay.isAfter(firstDay) ? endDay.minusDays(1) : firstDay;
        }
        LocalDate endDay = localDateTime(end).minusNanos(1).toLocalDate();
        return endDay.isBefore(firstDay) ? firstDay : endDay;
    }

    /** Occurrences replaced by an event of the same UID with a RECURRENCE-ID: the master does not count them. */
    private Map<String, Set<LocalDate>> overriddenOccurrences(List<Event> events) {
        Map<String, Set<LocalDate>> overridden = new HashMap<>();
        for (Event event : events) {
            for (Raw id : event.all("RECURRENCE-ID")) {
                try {
                    overridden.computeIfAbsent(event.text("UID"), u -> new HashSet<>()).add(localDate(time(id).getFirst()));
                } catch (RuntimeException unreadable) {
                    // the override's own dates are then reported as unreadable when the override itself is read
                }
            }
        }
        return overridden;
    }

    /** The dates or date-times of a property (several for EXDATE and RDATE), as all-day, UTC, zoned or floating values. */
    private List<Temporal> time(Raw property) {
        List<Temporal> times = new ArrayList<>();
        for (String value : property.value().split(",")) {
            times.add(time(value.strip(), property.params()));
        }
        return times;
    }

    private Temporal time(String value, Map<String, String> params) {
        if (value.length() == 8 || "DATE".equalsIgnoreCase(params.get("VALUE"))) {
            return LocalDate.parse(value.substring(0, 8), DateTimeFormatter.BASIC_ISO_DATE);
        }
        boolean utc = value.endsWith("Z") || value.endsWith("z");
        LocalDateTime local = LocalDateTime.parse(utc ? value.substring(0, value.length() - 1) : value, DATE_TIME);
        if (utc) {
            return local.atZone(ZoneOffset.UTC);
        }
        String tzid = params.get("TZID");
        return tzid == null ? local : local.atZone(zoneOf(tzid));
    }

    /** A TZID as a Java zone; names Java does not know (e.g. Windows names) are read in the district's zone. */
    private ZoneId zoneOf(String tzid) {
        return zones.computeIfAbsent(tzid, id -> {
            try {
                return ZoneId.of(id.startsWith("/") ? id.substring(1) : id);
            } catch (DateTimeException unknown) {
                return zone;
            }
        });
    }

    private LocalDate localDate(Temporal t) {
        return t instanceof LocalDate d ? d : localDateTime(t).toLocalDate();
    }

    private LocalDateTime localDateTime(Temporal t) {
        return switch (t) {
            case LocalDate d -> d.atStartOfDay();
            case LocalDateTime dt -> dt;
            case ZonedDateTime z -> z.withZoneSameInstant(zone).toLocalDateTime();
            case OffsetDateTime o -> o.atZoneSameInstant(zone).toLocalDateTime();
            case Instant i -> i.atZone(zone).toLocalDateTime();
            default -> LocalDateTime.from(t);
        };
    }

    /** The start of a local date in the same temporal type as the event's DTSTART, as ical4j's recurrence needs. */
    private Temporal bound(Temporal seed, LocalDate date) {
        return switch (seed) {
            case LocalDate d -> date;
            case LocalDateTime dt -> date.atStartOfDay();
            case ZonedDateTime z -> date.atStartOfDay(z.getZone());
            case OffsetDateTime o -> date.atStartOfDay(zone).toOffsetDateTime();
            case Instant i -> date.atStartOfDay(zone).toInstant();
            default -> date;
        };
    }

    /**
     * The file's VEVENTs as raw properties, read with ical4j's tokenizer (unfolding, parameters, line numbers) but
     * without building its object model, which costs far more than everything else in an import.
     */
    private static List<Event> parse(byte[] ics) {
        EventCollector collector = new EventCollector();
        try {
            new CalendarParserImpl().parse(new ByteArrayInputStream(ics), collector);
        } catch (ParserException e) {
            throw new SessionException.InvalidField("calendar", "is not a valid iCalendar file (line " + e.getLineNo() + ")");
        } catch (IOException | RuntimeException e) {
            throw new SessionException.InvalidField("calendar", "is not a valid iCalendar file");
        }
        if (!collector.sawCalendar) {
            throw new SessionException.InvalidField("calendar", "is not a valid iCalendar file (no VCALENDAR)");
        }
        return collector.events;
    }

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss");

    /** One property as written: name, parameters (upper-case names) and value (still escaped). */
    record Raw(String name, Map<String, String> params, String value) {
    }

    /** One VEVENT's properties (nested components such as VALARM left out). */
    record Event(List<Raw> properties) {

        Optional<Raw> first(String name) {
            return properties.stream().filter(p -> p.name().equals(name)).findFirst();
        }

        List<Raw> all(String name) {
            return properties.stream().filter(p -> p.name().equals(name)).toList();
        }

        String text(String name) {
            return first(name).map(p -> unescape(p.value())).orElse("").strip();
        }

        List<String> categories() {
            List<String> found = new ArrayList<>();
            for (Raw p : all("CATEGORIES")) {
                for (String category : p.value().split("(?<!\\\\),")) {
                    found.add(unescape(category).strip());
                }
            }
            return found;
        }

        private static String unescape(String text) {
            return text.replace("\\n", " ").replace("\\N", " ").replace("\\,", ",").replace("\\;", ";").replace("\\\\", "\\");
        }
    }

    /** Collects each VEVENT's properties as the tokenizer reads them. */
    private static final class EventCollector implements ContentHandler {
        private final List<Event> events = new ArrayList<>();
        private final ArrayDeque<String> components = new ArrayDeque<>();
        private List<Raw> current;
        private String name;
        private Map<String, String> params;
        private String value;
        private boolean sawCalendar;

        @Override
        public void startCalendar() {
            sawCalendar = true;
        }

        @Override
        public void endCalendar() {
        }

        @Override
        public void startComponent(String component) {
            components.push(component.toUpperCase(Locale.ROOT));
            if ("VEVENT".equals(components.peek())) {
                current = new ArrayList<>();
            }
        }

        @Override
        public void endComponent(String component) {
            if ("VEVENT".equals(components.pop()) && current != null) {
                events.add(new Event(current));
                current = null;
            }
        }

        @Override
        public void startProperty(String property) {
            name = property.toUpperCase(Locale.ROOT);
            params = new HashMap<>(2);
            value = "";
        }

        @Override
        public void propertyValue(String text) {
            value = text == null ? "" : text;
        }

        @Override
        public void endProperty(String property) {
            if (current != null && "VEVENT".equals(components.peek())) {
                current.add(new Raw(name, params, value));
            }
        }

        @Override
        public void parameter(String parameter, String text) {
            params.put(parameter.toUpperCase(Locale.ROOT), text);
        }
    }

    /** Counts "BEGIN:VEVENT" lines without parsing, so an oversized file is refused before any work. */
    static int countEvents(byte[] ics) {
        byte[] marker = "BEGIN:VEVENT".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int count = 0;
        outer:
        for (int i = 0; i + marker.length <= ics.length; i++) {
            if ((i == 0 || ics[i - 1] == '\n') ) {
                for (int j = 0; j < marker.length; j++) {
                    if (Character.toUpperCase(ics[i + j]) != marker[j]) {
                        continue outer;
                    }
                }
                count++;
            }
        }
        return count;
    }
}
