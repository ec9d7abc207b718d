package org.studioresidency.session.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** Something shown in public at a session: what, by whom (a member of the session's team), in what form. */
@Entity
@Table(name = "session_demonstration")
public class Demonstration extends PanacheEntityBase {

    /** The part the demonstrator played. */
    public enum Role {
        CONSULTANT, STUDIO_TEACHER, STUDIO_TEACHER_WITH_COACH, RESIDENCY_TEACHER, COACH;

        /** Led by the schools' own people rather than the external consultant. */
        public boolean schoolStaff() {
            return this != CONSULTANT;
        }

        /** Whether a team member with this team role can demonstrate in this role. */
        public boolean fits(String teamRole) {
            return switch (this) {
                case CONSULTANT -> "CONSULTANT".equals(teamRole);
                case STUDIO_TEACHER, STUDIO_TEACHER_WITH_COACH -> "STUDIO_TEACHER".equals(teamRole);
                case RESIDENCY_TEACHER -> "RESIDENCY_TEACHER".equals(teamRole);
                case COACH -> "LITERACY_COACH".equals(teamRole) || "DISTRICT_LITERACY_COACH".equals(teamRole);
            };
        }
    }

    public enum Form {
        LIVE_LESSON, VIDEO_SEGMENT, CO_TEACHING, CONFERRING
    }

    @Id
    public UUID id;

    @Column(name = "session_id")
    public UUID sessionId;

    public int position;

    @Column(name = "staff_id")
    public UUID staffId;

    @Column(name = "staff_name")
    public String staffName;

    @Column(name = "school_id")
    public UUID schoolId;

    @Enumerated(EnumType.STRING)
    public Role role;

    @Enumerated(EnumType.STRING)
    public Form form;

    public String what;

    public static Demonstration of(UUID sessionId, int position, TeamMember by, Role role, Form form, String what) {
        Demonstration d = new Demonstration();
        d.id = UUID.randomUUID();
        d.sessionId = sessionId;
        d.position = position;
        d.staffId = by.staffId;
        d.staffName = by.name;
        d.schoolId = by.schoolId;
        d.role = role;
        d.form = form;
        d.what = what;
        return d;
    }
}
