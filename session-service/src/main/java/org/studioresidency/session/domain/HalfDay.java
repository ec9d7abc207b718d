package org.studioresidency.session.domain;

/** A session takes a morning or an afternoon. */
public enum HalfDay {
    AM, PM
}
