package org.studioresidency.notification.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.studioresidency.notification.domain.Delivery;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DeliveryRepository implements PanacheRepositoryBase<Delivery, UUID> {

    public List<Delivery> newestFirst(int limit) {
        return find("ORDER BY createdAt DESC").page(0, limit).list();
    }

    public List<Delivery> newestFirstForSchool(UUID schoolId, int limit) {
        return find("schoolId = ?1 ORDER BY createdAt DESC", schoolId).page(0, limit).list();
    }
}
