package org.studioresidency.session.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A hard rule broken for a booked session by a change decided elsewhere (a team change in pairing-service): kept open
 * until it no longer holds, so the district office sees it instead of a log line.
 */
@Entity
@Table(name = "session_conflict")
public class SessionConflict extends PanacheEntityBase {

    public enum Kind {
        /** A team member is already booked in another session in the same half-day. */
        PERSON_DOUBLE_BOOKED,
        /** The date needs more substitute half-days than the district's daily cap. */
        SUBSTITUTE_CAP_EXCEEDED
    }

    @Id
    public UUID id;

    @Column(name = "session_id")
    public UUID sessionId;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    public LocalDate date;

    @Enumerated(EnumType.STRING)
    @Column(name = "half_day")
    public HalfDay halfDay;

    @Column(name = "staff_id")
    public UUID staffId;

    @Column(name = "staff_name")
    public String staffName;

    @Column(name = "other_session_id")
    public UUID otherSessionId;

    @Column(name = "substitute_half_days")
    public Integer substituteHalfDays;

    public Integer cap;

    public String detail;

    @Column(name = "detected_at")
    public OffsetDateTime detectedAt;

    @Column(name = "resolved_at")
    public OffsetDateTime resolvedAt;

    public String resolution;

    public static SessionConflict doubleBooking(Session session, UUID staffId, String staffName, Session other, String otherLabel,
                                                OffsetDateTime now) {
        SessionConflict c = opened(session, Kind.PERSON_DOUBLE_BOOKED, now);
        c.staffId = staffId;
        c.staffName = staffName;
        c.otherSessionId = other == null ? null : other.id;
        c.detail = (staffName == null ? "Staff member " + staffId : staffName) + " is also in "
                + (other == null ? "another session" : "session " + other.number + " of " + otherLabel) + " on " + session.date + " "
                + session.halfDay + "; nobody can be in two sessions in the same half-day. Move one of the two sessions"
                + " (see the session's alternatives) or change the team.";
        return c;
    }

    public static SessionConflict overCap(Session session, int substituteHalfDays, int cap, OffsetDateTime now) {
        SessionConflict c = opened(session, Kind.SUBSTITUTE_CAP_EXCEEDED, now);
        c.substituteHalfDays = substituteHalfDays;
        c.cap = cap;
        c.detail = session.date + " now needs " + substituteHalfDays + " substitute half-days, above the district's daily cap of " + cap
                + ". Move a session of that date (see its alternatives), release fewer teachers, or raise the cap for the date.";
        return c;
    }

    private static SessionConflict opened(Session session, Kind kind, OffsetDateTime now) {
        SessionConflict c = new SessionConflict();
        c.id = UUID.randomUUID();
        c.sessionId = session.id;
        c.kind = kind;
        c.date = session.date;
        c.halfDay = session.halfDay;
        c.detectedAt = now;
        return c;
    }

    public boolean isOpen() {
        return resolvedAt == null;
    }

    public void resolve(String how, OffsetDateTime now) {
        resolvedAt = now;
        resolution = how;
    }
}
