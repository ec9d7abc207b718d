package org.studioresidency.pairing.rest;

import org.studioresidency.pairing.service.PairingException;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Reads optional filter parameters so a bad value is a 400 naming the parameter, not a 404. */
final class QueryParams {

    /** How many external ids one list request may name: a page's worth. */
    static final int MAX_EXTERNAL_IDS = 200;

    private QueryParams() {
    }

    static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw new PairingException.InvalidField(name, "must be a UUID");
        }
    }

    /** A repeatable parameter: its non-blank values, at most {@code max} of them. */
    static List<String> values(String name, List<String> values, int max) {
        List<String> given = values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).map(String::trim).distinct().toList();
        if (given.size() > max) {
            throw new PairingException.InvalidField(name, "may be given at most " + max + " times in one request");
        }
        return given;
    }

    static <E extends Enum<E>> E oneOf(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw new PairingException.InvalidField(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    /** A whole number between {@code min} and {@code max}, or {@code fallback} when absent. */
    static int whole(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below like an out-of-range number
        }
        throw new PairingException.InvalidField(name, "must be a whole number from " + min + " to " + max);
    }
}
