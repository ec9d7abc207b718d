package org.studioresidency.session.service;

import org.junit.jupiter.api.Test;
import org.studioresidency.session.repository.CalendarRepository.DayKind;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IcsDayReaderTest {

    static final LocalDate FIRST_DAY = LocalDate.of(2026, 8, 31);
    static final LocalDate LAST_DAY = LocalDate.of(2027, 6, 11);
    private static final ZoneId DISTRICT = ZoneId.of("America/Los_Angeles");
    private static final IcsDayReader.Limits GENEROUS = new IcsDayReader.Limits(1 << 24, 100_000, 1_000_000);

    @Test
    void shouldExpandAMonthlyRuleWithinTheYearLeavingOutItsExceptions() {
        Map<LocalDate, DayKind> days = kinds(read(event("er", "Early Release Wednesday", "DTSTART;VALUE=DATE:20260902",
                "RRULE:FREQ=MONTHLY;BYDAY=1WE;UNTIL=20270602", "EXDATE;VALUE=DATE:20261202")));

        assertThat(days).containsOnlyKeys(firstWednesdays().stream().filter(d -> !d.equals(LocalDate.of(2026, 12, 2))).toList());
        assertThat(days.values()).containsOnly(DayKind.EARLY_RELEASE);
    }

    @Test
    void shouldWalkAnEventReachingTheYear9999OnlyWithinTheYear() {
        IcsDayReader.Result result = read(event("forever", "Testing blackout", "DTSTART;VALUE=DATE:20270601", "DTEND;VALUE=DATE:99991231"));

        assertThat(result.days()).containsOnlyKeys(weekdays(LocalDate.of(2027, 6, 1), LAST_DAY));
        assertThat(result.occurrences()).isEqualTo(1);
    }

    @Test
    void shouldExpandARuleWithoutEndOnlyUntilTheEndOfTheYear() {
        IcsDayReader.Result result = read(event("weekly", "Assessment Friday", "DTSTART;VALUE=DATE:20260904",
                "RRULE:FREQ=WEEKLY;UNTIL=99991231"));

        assertThat(result.days().keySet()).allMatch(d -> d.getDayOfWeek() == DayOfWeek.FRIDAY && !d.isAfter(LAST_DAY));
        assertThat(result.occurrences()).isEqualTo(result.days().size());
        assertThat(result.days()).containsKey(LocalDate.of(2027, 6, 11));
    }

    @Test
    void shouldKeepTheStrongerKindWhereEventsOverlapAndListTheOverlap() {
        IcsDayReader.Result result = read(
                event("spring", "Spring Break", "DTSTART;VALUE=DATE:20270405", "DTEND;VALUE=DATE:20270410"),
                event("er", "Early Release Wednesday", "DTSTART;VALUE=DATE:20260902", "RRULE:FREQ=MONTHLY;BYDAY=1WE;COUNT=10"),
                event("test", "State testing window", "DTSTART;VALUE=DATE:20270301", "DTEND;VALUE=DATE:20270306"));

        LocalDate inBreak = LocalDate.of(2027, 4, 7);
        assertThat(result.days().get(inBreak).kind).isEqualTo(DayKind.BREAK);
        assertThat(result.days().get(inBreak).events).isEqualTo(2);
        assertThat(result.days().get(inBreak).names).containsExactly("Spring Break (BREAK)", "Early Release Wednesday (EARLY_RELEASE)");
        LocalDate inTesting = LocalDate.of(2027, 3, 3);
        assertThat(result.days().get(inTesting).kind).isEqualTo(DayKind.DISTRICT_BLACKOUT);
        assertThat(result.days().get(inTesting).note).isEqualTo("State testing window");
    }

    @Test
    void shouldMarkEveryWeekdayOfAMultiDayEventAndLeaveOutTheWeekend() {
        Map<LocalDate, DayKind> days = kinds(read(event("tg", "Thanksgiving Break", "DTSTART;VALUE=DATE:20261121",
                "DTEND;VALUE=DATE:20261130")));

        assertThat(days).containsOnlyKeys(weekdays(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 27)));
    }

    @Test
    void shouldPlaceTimedEventsOnTheDistrictsLocalDate() {
        Map<LocalDate, DayKind> days = kinds(read(
                event("ed", "Early dismissal", "DTSTART;TZID=America/Los_Angeles:20261118T123000",
                        "DTEND;TZID=America/Los_Angeles:20261118T150000"),
                event("utc", "Testing (make-up)", "DTSTART:20261021T060000Z", "DTEND:20261021T070000Z"),
                event("overnight", "Winter recess", "DTSTART:20261221T000000", "DTEND:20261223T000000")));

        assertThat(days).containsOnlyKeys(LocalDate.of(2026, 11, 18), LocalDate.of(2026, 10, 20),
                LocalDate.of(2026, 12, 21), LocalDate.of(2026, 12, 22));
    }

    @Test
    void shouldAddRecurrenceDatesAndMoveAnOverriddenOccurrence() {
        Map<LocalDate, DayKind> days = kinds(read(
                event("hol", "Holiday", "DTSTART;VALUE=DATE:20261111", "RDATE;VALUE=DATE:20270118,20270215"),
                event("thu", "Testing Thursday", "DTSTART;VALUE=DATE:20261001", "RRULE:FREQ=WEEKLY;COUNT=3"),
                event("thu", "Testing Thursday (moved)", "RECURRENCE-ID;VALUE=DATE:20261008", "DTSTART;VALUE=DATE:20261009")));

        assertThat(days).containsOnlyKeys(LocalDate.of(2026, 11, 11), LocalDate.of(2027, 1, 18), LocalDate.of(2027, 2, 15),
                LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 9), LocalDate.of(2026, 10, 15));
    }

    @Test
    void shouldKeepAnOverriddenOccurrenceThatStaysOnItsDate() {
        IcsDayReader.Result result = read(
                event("thu", "Testing Thursday", "DTSTART;VALUE=DATE:20261001", "RRULE:FREQ=WEEKLY;COUNT=2"),
                event("thu", "Testing Thursday (make-up room)", "RECURRENCE-ID;VALUE=DATE:20261008", "DTSTART;VALUE=DATE:20261008"));

        assertThat(result.days()).containsOnlyKeys(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 8));
        assertThat(result.days().get(LocalDate.of(2026, 10, 8)).note).isEqualTo("Testing Thursday (make-up room)");
    }

    @Test
    void shouldClassifyByTheDistrictsMappingFirstAndByWholeWordsOnly() {
        List<IcsDayReader.KindRule> mapping = List.of(IcsDayReader.KindRule.of("PD Day", DayKind.HOLIDAY),
                new IcsDayReader.KindRule("Picture day", Optional.empty()));
        IcsDayReader reader = new IcsDayReader(FIRST_DAY, LAST_DAY, DISTRICT, mapping, true, GENEROUS);

        IcsDayReader.Result result = reader.read(ics(
                event("pd", "Staff PD Day", "DTSTART;VALUE=DATE:20261009"),
                event("pic", "Picture day (no school photos make-up)", "DTSTART;VALUE=DATE:20261013"),
                event("bf", "Breakfast with the principal", "DTSTART;VALUE=DATE:20261014"),
                event("cat", "Lincoln's Birthday", "DTSTART;VALUE=DATE:20270212", "CATEGORIES:Holiday")));

        assertThat(kinds(result)).containsOnly(Map.entry(LocalDate.of(2026, 10, 9), DayKind.HOLIDAY),
                Map.entry(LocalDate.of(2027, 2, 12), DayKind.HOLIDAY));
        assertThat(result.skipped()).containsExactly("Picture day (no school photos make-up)", "Breakfast with the principal");
    }

    @Test
    void shouldRefuseMoreEventsThanTheLimitNamingIt() {
        IcsDayReader reader = new IcsDayReader(FIRST_DAY, LAST_DAY, DISTRICT, List.of(), true, new IcsDayReader.Limits(1 << 24, 1, 1000));

        assertThatThrownBy(() -> reader.read(ics(event("a", "Holiday", "DTSTART;VALUE=DATE:20261009"),
                event("b", "Holiday", "DTSTART;VALUE=DATE:20261010"))))
                .isInstanceOf(SessionException.InvalidField.class)
                .hasMessageContaining("calendar-import.max-events");
    }

    @Test
    void shouldRefuseMoreOccurrencesThanTheLimitNamingIt() {
        IcsDayReader reader = new IcsDayReader(FIRST_DAY, LAST_DAY, DISTRICT, List.of(), true, new IcsDayReader.Limits(1 << 24, 10, 5));

        assertThatThrownBy(() -> reader.read(ics(event("d", "Testing", "DTSTART;VALUE=DATE:20260901", "RRULE:FREQ=DAILY"))))
                .isInstanceOf(SessionException.InvalidField.class)
                .hasMessageContaining("calendar-import.max-occurrences");
    }

    private static IcsDayReader.Result read(String... events) {
        return new IcsDayReader(FIRST_DAY, LAST_DAY, DISTRICT, List.of(), true, GENEROUS).read(ics(events));
    }

    private static Map<LocalDate, DayKind> kinds(IcsDayReader.Result result) {
        return result.days().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().kind, (a, b) -> a, TreeMap::new));
    }

    static String event(String uid, String summary, String... lines) {
        List<String> all = new ArrayList<>(List.of("BEGIN:VEVENT", "UID:" + uid + "@district", "DTSTAMP:20260801T000000Z",
                "SUMMARY:" + summary));
        all.addAll(List.of(lines));
        all.add("END:VEVENT");
        return String.join("\r\n", all);
    }

    static byte[] ics(String... events) {
        return ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//District//Calendar//EN\r\n" + String.join("\r\n", events)
                + "\r\nEND:VCALENDAR\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static List<LocalDate> firstWednesdays() {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate month = LocalDate.of(2026, 9, 1); month.isBefore(LocalDate.of(2027, 7, 1)); month = month.plusMonths(1)) {
            LocalDate wednesday = month.with(java.time.temporal.TemporalAdjusters.firstInMonth(DayOfWeek.WEDNESDAY));
            if (!wednesday.isAfter(LocalDate.of(2027, 6, 2))) {
                days.add(wednesday);
            }
        }
        return days;
    }

    private static List<LocalDate> weekdays(LocalDate from, LocalDate to) {
        return from.datesUntil(to.plusDays(1))
                .filter(d -> d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY).toList();
    }
}
