package org.studioresidency.notification.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.studioresidency.notification.domain.SessionConflict;

import java.util.UUID;

@ApplicationScoped
public class SessionConflictRepository implements PanacheRepositoryBase<SessionConflict, UUID> {
}
