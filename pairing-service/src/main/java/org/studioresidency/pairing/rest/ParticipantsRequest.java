package org.studioresidency.pairing.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

@Schema(description = "The teachers of one school who take part in the pairing as residency teachers: all of them, replacing"
        + " that school's residency teachers in the team (empty: none)", example = """
        {"teacherIds": ["5d0c0000-0000-4000-8000-000000000007", "5d0c0000-0000-4000-8000-000000000008"],
         "note": "Second-grade team joins this year"}""")
public record ParticipantsRequest(@NotNull @Size(max = 10) List<@NotNull UUID> teacherIds, @Size(max = 2000) String note) {
}
