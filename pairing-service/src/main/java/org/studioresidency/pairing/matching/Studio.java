package org.studioresidency.pairing.matching;

/** A studio school and how many residency schools it can host. */
public record Studio(SchoolProfile school, int capacity) {
}
