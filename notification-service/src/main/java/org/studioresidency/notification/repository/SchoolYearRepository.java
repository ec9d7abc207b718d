package org.studioresidency.notification.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.studioresidency.notification.domain.SchoolYear;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class SchoolYearRepository implements PanacheRepositoryBase<SchoolYear, UUID> {

    public List<SchoolYear> listNewestFirst() {
        return list("ORDER BY firstDay DESC");
    }

    public Optional<SchoolYear> findByName(String name) {
        return find("name", name).firstResultOptional();
    }
}
