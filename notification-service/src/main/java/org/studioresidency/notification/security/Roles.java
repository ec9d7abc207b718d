package org.studioresidency.notification.security;

/** The roles a district's identity provider puts in a token's {@code groups} claim. */
public final class Roles {

    /** Central office: reads and writes everything. */
    public static final String DISTRICT_ADMIN = "district-admin";
    /** A school's principal: reads what concerns the school named in the token. */
    public static final String PRINCIPAL = "principal";
    /** The HR substitute system: integration callbacks only. */
    public static final String HR_SYSTEM = "hr-system";
    /** Read-only access to everything. */
    public static final String VIEWER = "viewer";

    private Roles() {
    }
}
