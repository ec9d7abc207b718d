package org.studioresidency.session.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.util.UUID;

/** One person on a pairing's team, with the part they play in it. */
@Embeddable
public class TeamMember {

    @Column(name = "staff_id")
    public UUID staffId;

    public String name;

    public String email;

    /** Staff role in the district, e.g. TEACHER. */
    public String role;

    @Column(name = "school_id")
    public UUID schoolId;

    /** Part in this pairing, e.g. STUDIO_TEACHER or CONSULTANT. */
    @Column(name = "team_role")
    public String teamRole;
}
