package org.studioresidency.session.solver;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.entity.PlanningPin;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** One of a pairing's half-day sessions, whose slot the solver chooses. */
@PlanningEntity
public class PlannedSession {

    @PlanningId
    private UUID id;
    private PairingTeam pairing;
    private int number;
    private ConsultantCalendar consultant;
    /** Where the session would sit if the year's sessions were spaced perfectly evenly. */
    private LocalDate idealDate;
    /** The slot already announced to people, if any: moving it costs a change they must absorb. */
    private Slot publishedSlot;
    /** Held sessions (and anything the district fixes by hand) never move. */
    @PlanningPin
    private boolean pinned;

    @PlanningVariable
    private Slot slot;

    public PlannedSession() {
    }

    public PlannedSession(UUID id, PairingTeam pairing, int number, ConsultantCalendar consultant, LocalDate idealDate,
                          Slot slot) {
        this.id = id;
        this.pairing = pairing;
        this.number = number;
        this.consultant = consultant;
        this.idealDate = idealDate;
        this.slot = slot;
    }

    public String describe() {
        return "session " + number + " of " + pairing.label() + (slot == null ? "" : " on " + slot);
    }

    public long daysFromIdeal() {
        return idealDate == null ? 0 : Math.abs(ChronoUnit.DAYS.between(idealDate, slot.date()));
    }

    /** Identifies the pairing's next session, to check order and spacing. */
    public SessionKey nextKey() {
        return new SessionKey(pairing.pairingId(), number + 1);
    }

    public SessionKey key() {
        return new SessionKey(pairing.pairingId(), number);
    }

    public record SessionKey(UUID pairingId, int number) {
    }

    public boolean movedFromPublishedSlot() {
        return publishedSlot != null && !publishedSlot.equals(slot);
    }

    public UUID getId() {
        return id;
    }

    public PairingTeam getPairing() {
        return pairing;
    }

    public int getNumber() {
        return number;
    }

    public ConsultantCalendar getConsultant() {
        return consultant;
    }

    public LocalDate getIdealDate() {
        return idealDate;
    }

    public Slot getPublishedSlot() {
        return publishedSlot;
    }

    public void setPublishedSlot(Slot publishedSlot) {
        this.publishedSlot = publishedSlot;
    }

    public boolean isPinned() {
        return pinned;
    }

    public void setPinned(boolean pinned) {
        this.pinned = pinned;
    }

    public Slot getSlot() {
        return slot;
    }

    public void setSlot(Slot slot) {
        this.slot = slot;
    }

    @Override
    public String toString() {
        return describe();
    }
}
