package org.studioresidency.notification.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.studioresidency.notification.domain.RecipientPreference;

import java.util.UUID;

@ApplicationScoped
public class RecipientPreferenceRepository implements PanacheRepositoryBase<RecipientPreference, UUID> {
}
