package org.studioresidency.notification.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.studioresidency.notification.domain.Pairing;

import java.util.UUID;

@ApplicationScoped
public class PairingRepository implements PanacheRepositoryBase<Pairing, UUID> {
}
