package org.studioresidency.session.service;

import java.nio.charset.StandardCharsets;

/** Generated district calendars of a given size, for the import test and benchmark. */
public final class LargeCalendar {

    public static final int TEN_MEGABYTES = 10 * 1024 * 1024;

    private LargeCalendar() {
    }

    /** All-day testing blackouts, each from a day of the year to 9999-12-31 (the worst case for a day-by-day walk). */
    public static byte[] reachingTheYear9999(int bytes) {
        return build(bytes, n -> "BEGIN:VEVENT\r\nUID:forever-" + n + "@district\r\nDTSTAMP:20260801T000000Z\r\n"
                + "DTSTART;VALUE=DATE:2026" + (n % 2 == 0 ? "09" : "10") + String.format("%02d", 1 + n % 28)
                + "\r\nDTEND;VALUE=DATE:99991231\r\nSUMMARY:Testing window " + n + "\r\nEND:VEVENT\r\n");
    }

    /** Weekly early-release events without an end (UNTIL 9999-12-31), each with one exception date. */
    public static byte[] recurringWeekly(int bytes) {
        return build(bytes, n -> "BEGIN:VEVENT\r\nUID:weekly-" + n + "@district\r\nDTSTAMP:20260801T000000Z\r\n"
                + "DTSTART;VALUE=DATE:202609" + String.format("%02d", 1 + n % 28) + "\r\nRRULE:FREQ=WEEKLY;UNTIL=99991231\r\n"
                + "EXDATE;VALUE=DATE:20261125\r\nSUMMARY:Early release " + n + "\r\nEND:VEVENT\r\n");
    }

    private static byte[] build(int bytes, java.util.function.IntFunction<String> event) {
        StringBuilder ics = new StringBuilder(bytes + 1024).append("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//District//Calendar//EN\r\n");
        String end = "END:VCALENDAR\r\n";
        for (int n = 0; ; n++) {
            String next = event.apply(n);
            if (ics.length() + next.length() + end.length() > bytes) {
                break;
            }
            ics.append(next);
        }
        return ics.append(end).toString().getBytes(StandardCharsets.US_ASCII);
    }
}
