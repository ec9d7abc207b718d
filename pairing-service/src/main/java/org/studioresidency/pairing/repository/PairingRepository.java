package org.studioresidency.pairing.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.studioresidency.pairing.domain.Pairing;
import org.studioresidency.pairing.domain.PairingResidency;
import org.studioresidency.pairing.domain.TeamVersion;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PairingRepository implements PanacheRepositoryBase<Pairing, UUID> {

    public List<Pairing> ofYear(UUID schoolYearId, UUID involvingSchool) {
        if (involvingSchool == null) {
            return list("schoolYearId", Sort.by("id"), schoolYearId);
        }
        return list("schoolYearId = ?1 AND (studioSchoolId = ?2 OR id IN (SELECT r.pairingId FROM PairingResidency r WHERE r.schoolId = ?2))",
                Sort.by("id"), schoolYearId, involvingSchool);
    }

    public List<PairingResidency> residencies(UUID pairingId) {
        return getEntityManager().createQuery("FROM PairingResidency WHERE pairingId = ?1 ORDER BY schoolId", PairingResidency.class)
                .setParameter(1, pairingId).getResultList();
    }

    /** Schools of the year already in an active pairing, as studio or residency school. */
    public List<UUID> schoolsInActivePairings(UUID schoolYearId) {
        List<UUID> studios = getEntityManager().createQuery(
                        "SELECT p.studioSchoolId FROM Pairing p WHERE p.schoolYearId = ?1 AND p.active = true", UUID.class)
                .setParameter(1, schoolYearId).getResultList();
        List<UUID> residencies = getEntityManager().createQuery(
                        "SELECT r.schoolId FROM PairingResidency r WHERE r.schoolYearId = ?1 AND r.active = true", UUID.class)
                .setParameter(1, schoolYearId).getResultList();
        return java.util.stream.Stream.concat(studios.stream(), residencies.stream()).toList();
    }

    public void persistResidency(PairingResidency residency) {
        getEntityManager().persist(residency);
    }

    public void persistTeam(TeamVersion version) {
        getEntityManager().persist(version);
    }

    /** A pairing with its current team, in one query. */
    public java.util.Optional<Object[]> withCurrentTeam(UUID pairingId) {
        return getEntityManager().createQuery("SELECT p, t FROM Pairing p, TeamVersion t WHERE p.id = ?1 AND t.pairingId = p.id"
                        + " AND t.teamVersion = p.teamVersion", Object[].class)
                .setParameter(1, pairingId).getResultStream().findFirst();
    }

    /**
     * The pairing's studio school and every residency school (as {@link #residencies} lists them) in one query, by id:
     * each row is the school and whether it is one of the pairing's residency schools.
     */
    public List<Object[]> schoolsOf(UUID pairingId, UUID studioSchoolId) {
        return getEntityManager().createQuery("SELECT s, CASE WHEN s.id IN (SELECT r.schoolId FROM PairingResidency r WHERE r.pairingId = ?1)"
                        + " THEN true ELSE false END FROM School s WHERE s.id = ?2"
                        + " OR s.id IN (SELECT r.schoolId FROM PairingResidency r WHERE r.pairingId = ?1) ORDER BY s.id", Object[].class)
                // Read-only: a pairing's schools are shown with it, never changed through it (only the directory's own
                // transactions change a school). Not the pairing or its team: a team change reads them first, then writes.
                .setHint(org.hibernate.jpa.HibernateHints.HINT_READ_ONLY, true)
                .setParameter(1, pairingId).setParameter(2, studioSchoolId).getResultList();
    }

    public TeamVersion currentTeam(Pairing pairing) {
        return getEntityManager().createQuery("FROM TeamVersion WHERE pairingId = ?1 AND teamVersion = ?2", TeamVersion.class)
                .setParameter(1, pairing.id).setParameter(2, pairing.teamVersion).getSingleResult();
    }

    /** The current team of every active pairing of the year. */
    public List<TeamVersion> currentTeamsOfYear(UUID schoolYearId) {
        return getEntityManager().createQuery("SELECT t FROM TeamVersion t, Pairing p WHERE t.pairingId = p.id"
                        + " AND t.teamVersion = p.teamVersion AND p.schoolYearId = ?1 AND p.active = true", TeamVersion.class)
                .setParameter(1, schoolYearId).getResultList();
    }

    public List<TeamVersion> teamHistory(UUID pairingId) {
        return getEntityManager().createQuery("FROM TeamVersion WHERE pairingId = ?1 ORDER BY teamVersion DESC", TeamVersion.class)
                .setParameter(1, pairingId).getResultList();
    }

    /**
     * Takes the year's next pairing revision. The upsert holds the year's row until the transaction ends, so two
     * replicas changing the same year's pairings number their changes one after the other, in commit order.
     */
    public long nextYearRevision(UUID schoolYearId) {
        Object revision = getEntityManager().createNativeQuery(
                        "INSERT INTO pairing_year_revision (school_year_id, revision) VALUES (:y, 1) ON CONFLICT (school_year_id)"
                                + " DO UPDATE SET revision = pairing_year_revision.revision + 1 RETURNING revision")
                .setParameter("y", schoolYearId).getSingleResult();
        return ((Number) revision).longValue();
    }
}
