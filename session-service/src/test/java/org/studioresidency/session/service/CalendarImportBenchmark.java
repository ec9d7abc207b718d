package org.studioresidency.session.service;

import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.List;

/**
 * Not a test: prints how long reading a large district calendar takes. Run with
 * {@code ./mvnw -q -pl session-service test -Dtest=CalendarImportBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class CalendarImportBenchmark {

    @Test
    void printFigures() {
        byte[] reaching9999 = LargeCalendar.reachingTheYear9999(LargeCalendar.TEN_MEGABYTES);
        byte[] recurring = LargeCalendar.recurringWeekly(LargeCalendar.TEN_MEGABYTES);
        for (int round = 0; round < 2; round++) {
            report("warm-up " + round, reaching9999);
        }
        report("events reaching 9999-12-31", reaching9999);
        report("weekly RRULE events until 9999-12-31", recurring);
    }

    private static void report(String name, byte[] ics) {
        IcsDayReader reader = new IcsDayReader(IcsDayReaderTest.FIRST_DAY, IcsDayReaderTest.LAST_DAY, ZoneId.of("America/Los_Angeles"),
                List.of(), true, new IcsDayReader.Limits(Long.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE));
        long started = System.nanoTime();
        IcsDayReader.Result result = reader.read(ics);
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("[calendar import] %s: %,d bytes, %,d events, %,d occurrences in the year, %d weekdays marked: %,d ms%n",
                name, ics.length, result.eventsRead(), result.occurrences(), result.days().size(), millis);
    }
}
