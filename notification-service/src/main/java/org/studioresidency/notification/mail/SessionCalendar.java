package org.studioresidency.notification.mail;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import java.net.URI;
import java.time.Instant;

/**
 * The iCalendar (RFC 5545/5546) entry of a session. Session-service owns UID and SEQUENCE; reusing them makes a
 * reschedule (METHOD:REQUEST, higher SEQUENCE) move the existing calendar entry and a cancellation remove it.
 */
public final class SessionCalendar {

    public static final String REQUEST = "REQUEST";
    public static final String CANCEL = "CANCEL";

    /** The session as the calendar entry shows it. */
    public record Entry(String uid, int sequence, Instant startsAt, Instant endsAt, String title, String location,
                        String description) {
    }

    private SessionCalendar() {
    }

    public static String render(Entry entry, String method, String organizerEmail, String attendeeEmail) {
        VEvent event = new VEvent(entry.startsAt(), entry.endsAt(), entry.title());
        event.add(new Uid(entry.uid()));
        event.add(new Sequence(entry.sequence()));
        event.add(new Location(entry.location()));
        event.add(new Description(entry.description()));
        event.add(new Organizer(URI.create("mailto:" + organizerEmail)));
        event.add(new Attendee(URI.create("mailto:" + attendeeEmail)));
        if (CANCEL.equals(method)) {
            event.add(ImmutableStatus.VEVENT_CANCELLED);
        }
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Studio Residency//Notification Service//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(CANCEL.equals(method) ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST);
        calendar.add(event);
        return calendar.toString();
    }
}
