package org.studioresidency.session.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/**
 * The port to the district's HR substitute system: absence jobs created, moved and cancelled. Every call carries an
 * idempotency key, so repeating a call whose answer was lost never creates a second job.
 */
public interface AbsenceJobs {

    record Employee(UUID id, String name, String email) {
    }

    record AbsenceJob(UUID externalId, Employee employee, UUID schoolId, LocalDate date, String halfDay, LocalTime startTime,
                      LocalTime endTime, BigDecimal units, String reasonCode, String notes) {
    }

    /** The HR system's answer: its job id and the job's status (OPEN, FILLED, UNFILLED, CANCELLED). */
    record JobAck(String jobId, String status) {
    }

    JobAck create(AbsenceJob job, String idempotencyKey);

    JobAck update(String jobId, AbsenceJob job, String idempotencyKey);

    void cancel(String jobId, String idempotencyKey);

    /** The call may succeed if tried again later: timeout, connection refused, 5xx, 429, circuit open. */
    class Unavailable extends RuntimeException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The HR system refused the call for good (4xx other than 429); repeating it would be refused again. */
    class Refused extends RuntimeException {
        public final int status;

        public Refused(int status, String message) {
            super(message);
            this.status = status;
        }
    }
}
