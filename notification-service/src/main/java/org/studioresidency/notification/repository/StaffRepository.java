package org.studioresidency.notification.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.studioresidency.notification.domain.Staff;

import java.util.UUID;

@ApplicationScoped
public class StaffRepository implements PanacheRepositoryBase<Staff, UUID> {
}
