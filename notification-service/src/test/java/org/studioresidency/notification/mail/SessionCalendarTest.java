package org.studioresidency.notification.mail;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SessionCalendarTest {

    private static final SessionCalendar.Entry MOVED = new SessionCalendar.Entry("s-1@studio-residency.district", 1,
            Instant.parse("2026-11-12T16:30:00Z"), Instant.parse("2026-11-12T19:45:00Z"),
            "Studio/residency session 2: Garfield Elementary with Lincoln Elementary", "Garfield Elementary", "Half-day session.");

    @Test
    void shouldAskCalendarsToMoveTheEntryWithTheSameUidAndAHigherSequence() throws Exception {
        Calendar calendar = parse(SessionCalendar.render(MOVED, SessionCalendar.REQUEST, "office@district.example", "p@district.example"));

        assertThat(calendar.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("REQUEST");
        VEvent event = (VEvent) calendar.getComponent("VEVENT").orElseThrow();
        assertThat(event.getProperty("UID").orElseThrow().getValue()).isEqualTo("s-1@studio-residency.district");
        assertThat(event.getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo("1");
        assertThat(event.getProperty("DTSTART").orElseThrow().getValue()).isEqualTo("20261112T163000Z");
        assertThat(event.getProperty("ORGANIZER").orElseThrow().getValue()).isEqualTo("mailto:office@district.example");
    }

    @Test
    void shouldCancelTheEntryWithTheSameUid() throws Exception {
        SessionCalendar.Entry cancelled = new SessionCalendar.Entry(MOVED.uid(), 2, MOVED.startsAt(), MOVED.endsAt(),
                MOVED.title(), MOVED.location(), MOVED.description());
        Calendar calendar = parse(SessionCalendar.render(cancelled, SessionCalendar.CANCEL, "office@district.example", "p@district.example"));

        assertThat(calendar.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("CANCEL");
        VEvent event = (VEvent) calendar.getComponent("VEVENT").orElseThrow();
        assertThat(event.getProperty("STATUS").orElseThrow().getValue()).isEqualTo("CANCELLED");
        assertThat(event.getProperty("UID").orElseThrow().getValue()).isEqualTo(MOVED.uid());
        assertThat(event.getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo("2");
    }

    private static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }
}
