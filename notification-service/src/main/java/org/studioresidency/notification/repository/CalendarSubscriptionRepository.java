package org.studioresidency.notification.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.studioresidency.notification.domain.CalendarSubscription;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class CalendarSubscriptionRepository implements PanacheRepositoryBase<CalendarSubscription, UUID> {

    /**
     * The newest live subscription of the person this address belongs to: by the directory's staff record with that
     * address, or by the address the subscription was created for (when the directory has not been heard from).
     */
    public Optional<CalendarSubscription> newestOf(String email) {
        String address = email.trim().toLowerCase(Locale.ROOT);
        return find("lower(email) = ?1 or staffId in (select s.id from Staff s where lower(s.email) = ?1) order by createdAt desc", address)
                .firstResultOptional();
    }
}
