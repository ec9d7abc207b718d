package org.studioresidency.pairing.service;

import io.quarkus.panache.common.Sort;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** One page of a list and how many items the whole list has. */
public record Paged<T>(List<T> items, int page, int size, long total) {

    public <R> Paged<R> map(Function<T, R> mapper) {
        return new Paged<>(items.stream().map(mapper).toList(), page, size, total);
    }

    /**
     * Reads {@code sort} as comma-separated field names, each optionally prefixed by {@code -} for descending,
     * accepting only the fields a list allows (API name to entity field).
     */
    public static Sort sort(String sort, Map<String, String> allowed, String defaultField) {
        if (sort == null || sort.isBlank()) {
            return Sort.by(defaultField).and("id");
        }
        Sort result = null;
        for (String part : sort.split(",")) {
            String trimmed = part.trim();
            boolean descending = trimmed.startsWith("-");
            String name = descending ? trimmed.substring(1) : trimmed;
            String field = allowed.get(name);
            if (field == null) {
                throw new PairingException.InvalidField("sort", "cannot sort by '" + name + "'; use one of "
                        + Arrays.stream(allowed.keySet().toArray(String[]::new)).sorted().collect(Collectors.joining(", "))
                        + " (prefix - for descending)");
            }
            Sort.Direction direction = descending ? Sort.Direction.Descending : Sort.Direction.Ascending;
            result = result == null ? Sort.by(field, direction) : result.and(field, direction);
        }
        return result.and("id");
    }
}
