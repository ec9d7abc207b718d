package org.studioresidency.session.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A call owed to the HR system, committed with the coverage change that needs it; sent until it succeeds. */
@Entity
@Table(name = "hr_dispatch")
public class HrDispatch extends PanacheEntityBase {

    public enum Action { CREATE, UPDATE, CANCEL }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "coverage_request_id")
    public UUID coverageRequestId;

    @Enumerated(EnumType.STRING)
    public Action action;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    public int attempts;

    @Column(name = "next_attempt_at")
    public OffsetDateTime nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "sent_at")
    public OffsetDateTime sentAt;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
