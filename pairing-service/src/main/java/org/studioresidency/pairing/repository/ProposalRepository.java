package org.studioresidency.pairing.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.studioresidency.pairing.domain.MatchingProposal;

import java.util.UUID;

@ApplicationScoped
public class ProposalRepository implements PanacheRepositoryBase<MatchingProposal, UUID> {
}
