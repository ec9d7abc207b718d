package org.studioresidency.pairing.service;

import java.math.BigDecimal;
import java.util.Map;

/** Rules a school's demographics follow beyond single-field limits. */
public final class DemographicsPolicy {

    /** Published shares are rounded, so a sum within one point of 100 is accepted. */
    static final BigDecimal TOLERANCE = BigDecimal.ONE;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private DemographicsPolicy() {
    }

    public static void check(SchoolData school) {
        Map<String, BigDecimal> shares = school.raceEthnicity();
        if (shares != null && !shares.isEmpty()) {
            for (Map.Entry<String, BigDecimal> share : shares.entrySet()) {
                if (share.getValue() == null || share.getValue().signum() < 0 || share.getValue().compareTo(HUNDRED) > 0) {
                    throw new PairingException.InvalidField("raceEthnicity." + share.getKey(), "must be between 0 and 100");
                }
            }
            BigDecimal sum = shares.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            if (sum.subtract(HUNDRED).abs().compareTo(TOLERANCE) > 0) {
                throw new PairingException.InvalidField("raceEthnicity",
                        "shares must sum to 100 (within 1 point), they sum to " + sum.stripTrailingZeros().toPlainString());
            }
        }
        if ((school.latitude() == null) != (school.longitude() == null)) {
            throw new PairingException.InvalidField(school.latitude() == null ? "latitude" : "longitude",
                    "must be given together with " + (school.latitude() == null ? "longitude" : "latitude"));
        }
    }
}
