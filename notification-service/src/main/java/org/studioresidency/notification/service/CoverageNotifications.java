package org.studioresidency.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.studioresidency.notification.domain.CoverageRequest;
import org.studioresidency.notification.event.CoverageEvents;
import org.studioresidency.notification.event.CoverageEvents.CoverageEvent;
import org.studioresidency.notification.event.ProcessedEvents;
import org.studioresidency.notification.mail.Emails;
import org.studioresidency.notification.repository.CoverageRequestRepository;
import org.studioresidency.notification.repository.SchoolRepository;

import java.util.List;
import java.util.Objects;

/** Keeps each teacher's substitute coverage current and alerts the principal and the district office when at risk. */
@ApplicationScoped
public class CoverageNotifications {

    private static final String CONSUMER = "coverage";

    private final ProcessedEvents processed;
    private final CoverageRequestRepository requests;
    private final SchoolRepository schools;
    private final Recipients recipients;
    private final DeliveryQueue queue;
    private final Emails emails;

    CoverageNotifications(ProcessedEvents processed, CoverageRequestRepository requests, SchoolRepository schools,
                          Recipients recipients, DeliveryQueue queue, Emails emails) {
        this.processed = processed;
        this.requests = requests;
        this.schools = schools;
        this.recipients = recipients;
        this.queue = queue;
        this.emails = emails;
    }

    @Transactional
    public void apply(String eventId, String type, CoverageEvent event) {
        if (!processed.claim(CONSUMER, eventId)) {
            return;
        }
        CoverageRequest request = keep(event);
        if (!CoverageEvents.AT_RISK.equals(type)) {
            return;
        }
        String schoolName = request.teacherSchoolId == null ? "your school"
                : schools.findByIdOptional(request.teacherSchoolId).map(s -> s.name).orElse("your school");
        int daysBefore = event.daysBefore() == null ? 0 : event.daysBefore();
        var view = MailViewMapping.coverage(request);
        if (request.teacherSchoolId != null) {
            recipients.principalOf(request.teacherSchoolId, List.of()).ifPresent(principal ->
                    queue.record(principal, DeliveryQueue.dedupeKey(Emails.COVERAGE_ALERT, eventId, principal), List.of(eventId),
                            emails.coverageAlert(principal.name(), schoolName, view, daysBefore)));
        }
        Recipient office = recipients.districtOffice();
        queue.record(office, DeliveryQueue.dedupeKey(Emails.COVERAGE_ALERT, eventId, office), List.of(eventId),
                emails.coverageAlert(office.name(), schoolName, view, daysBefore));
    }

    private CoverageRequest keep(CoverageEvent event) {
        Objects.requireNonNull(event.coverageRequestId(), "coverageRequestId");
        Objects.requireNonNull(event.teacher(), "teacher");
        CoverageRequest request = requests.findByIdOptional(event.coverageRequestId()).orElseGet(CoverageRequest::new);
        request.id = event.coverageRequestId();
        request.sessionId = Objects.requireNonNull(event.sessionId(), "sessionId");
        request.date = Objects.requireNonNull(event.date(), "date");
        request.halfDay = Objects.requireNonNull(event.halfDay(), "halfDay");
        request.teacherStaffId = event.teacher().staffId();
        request.teacherName = event.teacher().name();
        request.teacherSchoolId = event.teacher().schoolId();
        request.status = Objects.requireNonNull(event.status(), "status");
        request.substituteName = event.substitute() == null ? null : event.substitute().name();
        requests.persist(request);
        return request;
    }
}
