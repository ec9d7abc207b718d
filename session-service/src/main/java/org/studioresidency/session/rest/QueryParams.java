package org.studioresidency.session.rest;

import org.studioresidency.session.service.SessionException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;

/** Reads optional filter parameters so a bad value is a 400 naming the parameter, not a 404 (as in pairing-service). */
final class QueryParams {

    private QueryParams() {
    }

    static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw new SessionException.InvalidField(name, "must be a UUID");
        }
    }

    static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new SessionException.InvalidField(name, "must be a date (YYYY-MM-DD)");
        }
    }

    static <E extends Enum<E>> E oneOf(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw new SessionException.InvalidField(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
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
        throw new SessionException.InvalidField(name, "must be a whole number from " + min + " to " + max);
    }
}
