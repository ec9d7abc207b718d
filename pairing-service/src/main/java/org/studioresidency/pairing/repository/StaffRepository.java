package org.studioresidency.pairing.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.studioresidency.pairing.domain.Staff;
import org.studioresidency.pairing.domain.StaffRole;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class StaffRepository implements PanacheRepositoryBase<Staff, UUID> {

    /** Which staff a list asks for; null fields (and an empty {@code externalIds}) do not filter. */
    public record Filter(String name, StaffRole role, UUID schoolId, Boolean active, List<String> externalIds, UUID onlySchool) {
    }

    public PanacheQuery<Staff> search(Filter filter, Sort sort) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (filter.name() != null && !filter.name().isBlank()) {
            where.append(" AND lower(name) LIKE :name");
            parameters.and("name", "%" + filter.name().toLowerCase() + "%");
        }
        if (filter.role() != null) {
            where.append(" AND role = :role");
            parameters.and("role", filter.role());
        }
        if (filter.schoolId() != null) {
            where.append(" AND schoolId = :school");
            parameters.and("school", filter.schoolId());
        }
        if (filter.active() != null) {
            where.append(" AND active = :active");
            parameters.and("active", filter.active());
        }
        if (filter.externalIds() != null && !filter.externalIds().isEmpty()) {
            where.append(" AND externalId IN :externalIds");
            parameters.and("externalIds", filter.externalIds());
        }
        if (filter.onlySchool() != null) {
            where.append(" AND schoolId = :only");
            parameters.and("only", filter.onlySchool());
        }
        return find(where.toString(), sort, parameters);
    }

    public Optional<Staff> findByExternalId(String externalId) {
        return find("externalId", externalId).firstResultOptional();
    }

    public Optional<Staff> findByEmail(String email) {
        return find("lower(email) = ?1", email.toLowerCase()).firstResultOptional();
    }

    public Optional<Staff> principalOf(UUID schoolId) {
        return find("schoolId = ?1 AND role = ?2 AND active = true", schoolId, StaffRole.PRINCIPAL).firstResultOptional();
    }

    /** The active principal of each school, in one query (a page of schools reads them all at once). */
    public java.util.Map<UUID, Staff> principalsOf(java.util.Collection<UUID> schoolIds) {
        java.util.Map<UUID, Staff> bySchool = new java.util.HashMap<>();
        if (!schoolIds.isEmpty()) {
            // One array parameter (= ANY), not an IN list: Hibernate re-translates a query with a list parameter on
            // every call, which cost a page of schools as much as the page itself. Read-only: a list page changes nothing.
            @SuppressWarnings("unchecked")
            List<Staff> principals = getEntityManager().createNativeQuery("SELECT * FROM staff WHERE school_id = ANY(:schools)"
                            + " AND role = 'PRINCIPAL' AND active ORDER BY name, id", Staff.class)
                    .setParameter("schools", schoolIds.toArray(UUID[]::new))
                    .setHint(org.hibernate.jpa.HibernateHints.HINT_READ_ONLY, true)
                    .getResultList();
            principals.forEach(s -> bySchool.putIfAbsent(s.schoolId, s));
        }
        return bySchool;
    }

    public List<Staff> activeAt(UUID schoolId) {
        return list("schoolId = ?1 AND active = true", Sort.by("name").and("id"), schoolId);
    }

    /** Everyone active in the role, by name then id. */
    public List<Staff> activeIn(StaffRole role) {
        return list("role = ?1 AND active = true", Sort.by("name").and("id"), role);
    }

    /** The people to show with something else (a pairing's team): loaded read-only, so no copy of their state is kept. */
    public List<Staff> toShow(Collection<UUID> ids) {
        return byIds(ids, org.hibernate.ReadOnlyMode.READ_ONLY);
    }

    public List<Staff> byIds(Collection<UUID> ids) {
        return byIds(ids, new jakarta.persistence.FindOption[0]);
    }

    // By id through Hibernate's multi-load (one array parameter, a loader built once), not an IN-list query.
    private List<Staff> byIds(Collection<UUID> ids, jakarta.persistence.FindOption... options) {
        return ids.isEmpty() ? List.of() : getSession().findMultiple(Staff.class, ids.stream().distinct().toList(), options).stream()
                .filter(java.util.Objects::nonNull).toList();
    }
}
