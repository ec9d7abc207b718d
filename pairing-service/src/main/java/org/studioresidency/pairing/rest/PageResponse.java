package org.studioresidency.pairing.rest;

import org.studioresidency.pairing.service.Paged;

import java.util.List;

/** One page of a list; {@code total} counts the whole list (also in the X-Total-Count header). */
public record PageResponse<T>(List<T> items, int page, int size, long total) {

    public static final String TOTAL_HEADER = "X-Total-Count";

    static <T> PageResponse<T> of(Paged<T> paged) {
        return new PageResponse<>(paged.items(), paged.page(), paged.size(), paged.total());
    }
}
