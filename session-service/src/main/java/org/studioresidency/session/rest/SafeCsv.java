package org.studioresidency.session.rest;

import java.util.Arrays;

/**
 * Cells of a CSV file that people open in a spreadsheet. A cell starting with {@code = + - @}, a tab or a carriage
 * return would run as a formula there (CSV injection), so it is written with a leading apostrophe, OWASP's rule; the
 * quoting itself is Commons CSV's. Every CSV this service writes passes its cells through here.
 */
final class SafeCsv {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private SafeCsv() {
    }

    static Object[] cells(Object... values) {
        return Arrays.stream(values).map(SafeCsv::cell).toArray();
    }

    static Object cell(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString();
        return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : value;
    }
}
