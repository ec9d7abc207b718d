package org.studioresidency.session.service;

import jakarta.enterprise.context.ApplicationScoped;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.studioresidency.session.domain.DistrictSetting;
import org.studioresidency.session.domain.Pairing;
import org.studioresidency.session.domain.Session;
import org.studioresidency.session.domain.SessionStatus;
import org.studioresidency.session.repository.SessionRepository;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * iCalendar feeds people subscribe to from Outlook or Google Calendar: one stable UID per session, SEQUENCE raised
 * on each change, cancelled sessions kept with STATUS:CANCELLED so calendars remove them. Proposals are left out.
 */
@ApplicationScoped
public class CalendarFeedService {

    private final SessionRepository sessions;

    CalendarFeedService(SessionRepository sessions) {
        this.sessions = sessions;
    }

    public String forSchool(UUID schoolId) {
        List<Pairing> pairings = Pairing.list(
                "SELECT DISTINCT p FROM Pairing p LEFT JOIN p.residencySchools r WHERE p.studioSchoolId = ?1 OR r.schoolId = ?1", schoolId);
        return feed("School sessions", pairings);
    }

    public String forPerson(UUID staffId) {
        List<Pairing> pairings = Pairing.list("SELECT DISTINCT p FROM Pairing p JOIN p.team m WHERE m.staffId = ?1", staffId);
        return feed("My studio/residency sessions", pairings);
    }

    private String feed(String name, List<Pairing> pairings) {
        DistrictSetting settings = DistrictSetting.current();
        Map<UUID, Pairing> byId = pairings.stream().collect(Collectors.toMap(p -> p.id, Function.identity()));
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Studio Residency//session-service//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(new net.fortuna.ical4j.model.property.XProperty("X-WR-CALNAME", name));
        for (Session session : sessions.ofPairings(byId.keySet())) {
            if (session.status == SessionStatus.PLANNED) {
                continue;
            }
            calendar.add(event(session, byId.get(session.pairingId), settings));
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static VEvent event(Session session, Pairing pairing, DistrictSetting settings) {
        Instant start = settings.startsAt(session.date, session.halfDay).toInstant();
        Instant end = settings.endsAt(session.date, session.halfDay).toInstant();
        VEvent event = new VEvent(start, end, "Studio/residency session " + session.number + ": " + pairing.label());
        event.add(new Uid(session.icsUid()));
        event.add(new Sequence(session.icsSequence));
        event.add(new Location(pairing.studioSchoolName));
        event.add(new Status(session.status == SessionStatus.CANCELLED ? Status.VALUE_CANCELLED : Status.VALUE_CONFIRMED));
        if (session.updatedAt != null) {
            event.add(new LastModified(session.updatedAt.toInstant()));
        }
        if (session.status == SessionStatus.CANCELLED) {
            event.add(new Description("Cancelled: " + session.cancelReason));
        }
        return event;
    }
}
