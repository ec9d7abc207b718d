package org.studioresidency.session.event;

import jakarta.enterprise.context.ApplicationScoped;
import org.studioresidency.session.report.LearningLoopSnapshot;

/** Writes the district.report events of deploy/EVENTS.md to the outbox. */
@ApplicationScoped
public class ReportEvents {

    public static final String LEARNING_LOOP_SNAPSHOT = "district.report.learning-loop-snapshot.v1";

    private final Outbox outbox;

    ReportEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Key and subject: the pairing, so one pairing's snapshots stay in order. */
    public void learningLoopSnapshot(LearningLoopSnapshot snapshot) {
        outbox.record(Topics.REPORT, LEARNING_LOOP_SNAPSHOT, "pairings/" + snapshot.pairingId(), snapshot.pairingId(), snapshot);
    }
}
