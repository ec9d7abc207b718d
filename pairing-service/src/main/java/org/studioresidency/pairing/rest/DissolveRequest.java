package org.studioresidency.pairing.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(example = """
        {"reason": "Studio teacher left the district mid-year"}""")
public record DissolveRequest(@NotBlank @Size(max = 2000) String reason) {
}
