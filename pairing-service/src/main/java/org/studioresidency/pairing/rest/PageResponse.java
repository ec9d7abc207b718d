package org.studioresidency.pairing.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.studioresidency.pairing.service.Paged;

import java.util.List;

/** One page of a list; {@code total} counts the whole list (also in the X-Total-Count header). */
public record PageResponse<T>(List<T> items, int page, int size, long total) {

    public static final String TOTAL_HEADER = "X-Total-Count";

    static <T> PageResponse<T> of(Paged<T> paged) {
        return new PageResponse<>(paged.items(), paged.page(), paged.size(), paged.total());
    }

    /** The schema of a page of schools in the OpenAPI document (generic records have none of their own). */
    @Schema(name = "SchoolPage")
    public record SchoolPage(List<SchoolResponse> items, int page, int size, long total) {
    }

    /** The schema of a page of staff in the OpenAPI document. */
    @Schema(name = "StaffPage")
    public record StaffPage(List<StaffResponse> items, int page, int size, long total) {
    }
}
