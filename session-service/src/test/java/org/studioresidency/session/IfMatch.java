package org.studioresidency.session;

import static io.restassured.RestAssured.given;

/** The ETag to send as If-Match: every update of a versioned record needs the version the caller last read. */
public final class IfMatch {

    private static final String ADMIN = org.studioresidency.local.TestInfrastructure.token("district-admin");

    private IfMatch() {
    }

    public static String session(Object sessionId) {
        return of("/sessions/" + sessionId);
    }

    public static String nextStep(Object nextStepId) {
        return of("/next-steps/" + nextStepId);
    }

    public static String settings() {
        return of("/settings");
    }

    /** The ETag of whatever the path (e.g. a planning job's Location) answers. */
    public static String of(String path) {
        return given().auth().oauth2(ADMIN).get(path).then().statusCode(200).extract().header("ETag");
    }
}
