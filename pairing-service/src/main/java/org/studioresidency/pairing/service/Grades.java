package org.studioresidency.pairing.service;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Grade codes as this service stores them: PK, TK, K, 1..12. */
public final class Grades {

    public static final Pattern CODE = Pattern.compile("PK|TK|K|[1-9]|1[0-2]");
    private static final List<String> ORDER = List.of("PK", "TK", "K", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12");

    private Grades() {
    }

    /** The codes without repeats, in school order. */
    public static List<String> ordered(Collection<String> codes) {
        return codes.stream().distinct().sorted(Comparator.comparingInt(Grades::rank)).toList();
    }

    /** A OneRoster (CEDS) grade code as stored here: KG is K, 03 is 3; empty for codes outside PK-12. */
    public static Optional<String> fromCeds(String code) {
        String upper = code.trim().toUpperCase(Locale.ROOT);
        if (upper.equals("KG")) {
            return Optional.of("K");
        }
        if (upper.equals("PK") || upper.equals("TK")) {
            return Optional.of(upper);
        }
        if (upper.matches("\\d{1,2}") && Integer.parseInt(upper) >= 1 && Integer.parseInt(upper) <= 12) {
            return Optional.of(String.valueOf(Integer.parseInt(upper)));
        }
        return Optional.empty();
    }

    private static int rank(String code) {
        int rank = ORDER.indexOf(code);
        return rank < 0 ? ORDER.size() : rank;
    }
}
