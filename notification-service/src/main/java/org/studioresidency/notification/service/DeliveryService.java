package org.studioresidency.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.studioresidency.notification.domain.Delivery;
import org.studioresidency.notification.repository.DeliveryRepository;
import org.studioresidency.notification.security.CurrentUser;

import java.util.List;

/** The delivery log: what was emailed to whom, and how it went. */
@ApplicationScoped
public class DeliveryService {

    private final DeliveryRepository deliveries;

    DeliveryService(DeliveryRepository deliveries) {
        this.deliveries = deliveries;
    }

    /** The district office sees every delivery; a principal sees those of their school. */
    public List<Delivery> visibleTo(CurrentUser user, int limit) {
        if (user.seesWholeDistrict()) {
            return deliveries.newestFirst(limit);
        }
        return user.schoolId().map(school -> deliveries.newestFirstForSchool(school, limit)).orElse(List.of());
    }
}
