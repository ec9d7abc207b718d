package org.studioresidency.session.rest;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code wait} preference of an RFC 7240 {@code Prefer} header ({@code Prefer: wait=60}, possibly among others, e.g.
 * {@code respond-async, wait=60}): how many seconds the client is willing to wait for a synchronous answer. A preference
 * is a hint, so a missing or unreadable one is simply not there, and a longer one is cut to what the service allows.
 */
final class PreferWait {

    private static final Pattern WAIT = Pattern.compile("(?i)(?:^|[,\\s])wait\\s*=\\s*\"?(\\d{1,6})\"?\\s*(?:[;,]|$)");

    private PreferWait() {
    }

    static OptionalInt seconds(String prefer, int max) {
        if (prefer == null) {
            return OptionalInt.empty();
        }
        Matcher wait = WAIT.matcher(prefer);
        return wait.find() ? OptionalInt.of(Math.min(Integer.parseInt(wait.group(1)), max)) : OptionalInt.empty();
    }
}
