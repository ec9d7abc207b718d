package org.studioresidency.pairing.rest;

import java.time.OffsetDateTime;
import java.util.List;

public record TeamVersionResponse(int teamVersion, List<PairingResponse.Member> members, String changedBy, @org.eclipse.microprofile.openapi.annotations.media.Schema(nullable = true) String note,
                                  OffsetDateTime changedAt) {
}
