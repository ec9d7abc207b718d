package org.studioresidency.pairing.rest;

import org.studioresidency.pairing.service.PairingException;

import java.util.Arrays;
import java.util.UUID;

/** Reads optional filter parameters so a bad value is a 400 naming the parameter, not a 404. */
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
            throw new PairingException.InvalidField(name, "must be a UUID");
        }
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
