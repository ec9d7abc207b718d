package org.studioresidency.pairing.rest;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.studioresidency.pairing.service.MatchingService.EditAction;

import java.util.UUID;

@Schema(description = "SWAP exchanges the studios of two residency schools; REMOVE drops a residency school; LOCK/UNLOCK protect a pair",
        example = """
                {"action": "SWAP", "residencySchoolId": "1c8e6b63-1e5f-4b9b-9f1f-2a4f6c8dab02",
                 "otherResidencySchoolId": "2d9f7c74-2f6a-4cac-a02a-3b5a7d9ebc03"}""")
public record ProposalEditRequest(@NotNull EditAction action, @NotNull UUID residencySchoolId, UUID otherResidencySchoolId) {
}
