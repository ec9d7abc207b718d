package org.studioresidency.pairing.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.studioresidency.pairing.domain.School;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class SchoolRepository implements PanacheRepositoryBase<School, UUID> {

    /** Which schools a list asks for; null fields (and an empty {@code externalIds}) do not filter. */
    public record Filter(String name, String gradeSpan, UUID supervisingLeaderId, List<String> externalIds, UUID onlySchool) {
    }

    public PanacheQuery<School> search(Filter filter, Sort sort) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (filter.name() != null && !filter.name().isBlank()) {
            where.append(" AND lower(name) LIKE :name");
            parameters.and("name", "%" + filter.name().toLowerCase().replace("%", "\\%") + "%");
        }
        if (filter.gradeSpan() != null) {
            where.append(" AND gradeSpan = :gradeSpan");
            parameters.and("gradeSpan", filter.gradeSpan());
        }
        if (filter.supervisingLeaderId() != null) {
            where.append(" AND supervisingLeaderId = :leader");
            parameters.and("leader", filter.supervisingLeaderId());
        }
        if (filter.externalIds() != null && !filter.externalIds().isEmpty()) {
            where.append(" AND externalId IN :externalIds");
            parameters.and("externalIds", filter.externalIds());
        }
        if (filter.onlySchool() != null) {
            where.append(" AND id = :only");
            parameters.and("only", filter.onlySchool());
        }
        return find(where.toString(), sort, parameters);
    }

    public Optional<School> findByExternalId(String externalId) {
        return find("externalId", externalId).firstResultOptional();
    }

    public List<School> supervisedBy(UUID leaderId) {
        return list("supervisingLeaderId", Sort.by("id"), leaderId);
    }

    public List<School> byIds(Collection<UUID> ids) {
        // By id through Hibernate's multi-load (one array parameter, a loader built once), not an IN-list query.
        return ids.isEmpty() ? List.of() : getSession().findMultiple(School.class, ids.stream().distinct().toList()).stream()
                .filter(java.util.Objects::nonNull).sorted(java.util.Comparator.comparing((School school) -> school.id)).toList();
    }
}
