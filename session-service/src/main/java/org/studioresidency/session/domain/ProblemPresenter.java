package org.studioresidency.session.domain;

/** Who put the problem of practice on the table at a session. */
public enum ProblemPresenter {
    /** The studio school's team, hosting the session. */
    HOST_TEAM,
    /** A visiting residency school's team. */
    RESIDENCY_TEAM
}
