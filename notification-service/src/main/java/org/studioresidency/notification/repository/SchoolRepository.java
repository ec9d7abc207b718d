package org.studioresidency.notification.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.studioresidency.notification.domain.School;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SchoolRepository implements PanacheRepositoryBase<School, UUID> {

    /** Schools whose principal can receive mail, in a stable order for batch work such as the weekly digest. */
    public List<School> withPrincipalEmail() {
        return list("principalEmail IS NOT NULL ORDER BY id");
    }

    public List<School> ledBy(UUID principalStaffId) {
        return list("principalStaffId", principalStaffId);
    }
}
