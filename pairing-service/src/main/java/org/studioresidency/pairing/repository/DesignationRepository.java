package org.studioresidency.pairing.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.studioresidency.pairing.domain.StudioDesignation;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class DesignationRepository implements PanacheRepositoryBase<StudioDesignation, UUID> {

    public Optional<StudioDesignation> find(UUID schoolYearId, UUID schoolId) {
        return find("schoolYearId = ?1 AND schoolId = ?2", schoolYearId, schoolId).firstResultOptional();
    }

    public List<StudioDesignation> ofYear(UUID schoolYearId) {
        return list("schoolYearId", Sort.by("schoolId"), schoolYearId);
    }
}
