package org.studioresidency.pairing.service;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Spreads a few people (consultants, district literacy coaches) over many pairings: each next pairing gets the person
 * with the smallest share of their capacity in use, so load follows contracted capacity; among equals the one with the
 * fewest pairings, then by name and id, so the same inputs always give the same teams. A person whose capacity is used up
 * gets no more pairings.
 */
public final class Spreader {

    /** A person who can be spread, and how many pairings of the year they can take ({@link #UNLIMITED}: any number). */
    public record Person(UUID staffId, String name, int capacity) {
    }

    public static final int UNLIMITED = Integer.MAX_VALUE;

    private final List<Person> people;
    private final Map<UUID, Integer> load;

    /** @param load how many pairings of the year each person is in already */
    public Spreader(List<Person> people, Map<UUID, Integer> load) {
        this.people = List.copyOf(people);
        this.load = new HashMap<>(load);
    }

    /** The person for the next pairing, counted as theirs; empty when nobody has room. */
    public Optional<UUID> next() {
        Optional<Person> chosen = people.stream().filter(p -> load(p) < p.capacity())
                .min(Comparator.comparingDouble((Person p) -> (double) load(p) / p.capacity())
                        .thenComparingInt(this::load)
                        .thenComparing(Person::name, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(Person::staffId));
        chosen.ifPresent(p -> load.merge(p.staffId(), 1, Integer::sum));
        return chosen.map(Person::staffId);
    }

    private int load(Person person) {
        return load.getOrDefault(person.staffId(), 0);
    }
}
