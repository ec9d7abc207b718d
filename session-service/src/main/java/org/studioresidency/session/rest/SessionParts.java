package org.studioresidency.session.rest;

import org.studioresidency.session.domain.HalfDay;
import org.studioresidency.session.domain.NextStep;
import org.studioresidency.session.domain.SessionConflict;
import org.studioresidency.session.domain.TeamMember;
import org.studioresidency.session.repository.SessionRecordRepository;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The parts of session answers, as the API's own records: events and repositories have records of their own, so an
 * event's next version never changes the portal's client.
 */
public final class SessionParts {

    private SessionParts() {
    }

    public record SchoolName(UUID schoolId, String name) {
    }

    public record ConsultantRef(UUID staffId, String name, String email) {
    }

    public record Member(UUID staffId, String name, String email, String role, UUID schoolId, String teamRole) {
        static Member of(TeamMember m) {
            return new Member(m.staffId, m.name, m.email, m.role, m.schoolId, m.teamRole);
        }
    }

    public record NextStepResponse(UUID nextStepId, UUID sessionId, String description, UUID ownerStaffId, String ownerName,
                                   UUID ownerSchoolId, LocalDate dueDate, String status, OffsetDateTime closedAt, long version,
                                   String kind, String evidence) {
        static NextStepResponse of(NextStep s) {
            return new NextStepResponse(s.id, s.sessionId, s.description, s.ownerStaffId, s.ownerName, s.ownerSchoolId, s.dueDate,
                    s.status.name(), s.closedAt, s.version, s.kind == null ? null : s.kind.name(), s.evidence);
        }
    }

    public record AttendanceResponse(UUID staffId, String name, boolean present) {
        static AttendanceResponse of(SessionRecordRepository.Attendance a) {
            return new AttendanceResponse(a.staffId(), a.name(), a.present());
        }
    }

    public record EvaluationResponse(UUID staffId, UUID sessionId, int rating, String comment) {
        static EvaluationResponse of(SessionRecordRepository.Evaluation e) {
            return new EvaluationResponse(e.staffId(), e.sessionId(), e.rating(), e.comment());
        }
    }

    /** A hard rule a change made elsewhere broke for this session; resolved ones are not listed. */
    public record ConflictResponse(UUID conflictId, UUID sessionId, String kind, LocalDate date, HalfDay halfDay, UUID staffId,
                                   String staffName, UUID otherSessionId, Integer substituteHalfDays, Integer cap, String detail,
                                   OffsetDateTime detectedAt, String alternatives) {
        static ConflictResponse of(SessionConflict c) {
            return new ConflictResponse(c.id, c.sessionId, c.kind.name(), c.date, c.halfDay, c.staffId, c.staffName, c.otherSessionId,
                    c.substituteHalfDays, c.cap, c.detail, c.detectedAt, "/sessions/" + c.sessionId + "/alternatives");
        }
    }
}
