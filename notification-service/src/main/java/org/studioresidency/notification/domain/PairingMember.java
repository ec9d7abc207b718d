package org.studioresidency.notification.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.util.UUID;

/** One member of a pairing's team (or of a session's participants) and the part they play in it. */
@Embeddable
public class PairingMember {

    @Column(name = "staff_id")
    public UUID staffId;

    public String name;

    public String email;

    @Column(name = "school_id")
    public UUID schoolId;

    @Column(name = "team_role")
    public String teamRole;
}
