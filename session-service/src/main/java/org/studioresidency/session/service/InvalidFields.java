package org.studioresidency.session.service;

import java.util.List;
import java.util.stream.Collectors;

/** 400: several input fields break rules that need the stored record to check; every one is named. */
public class InvalidFields extends SessionException {

    public InvalidFields(List<Reason> reasons) {
        super(400, "validation", "Invalid request", "The request has invalid fields: "
                + reasons.stream().map(r -> r.field() + " " + r.message()).collect(Collectors.joining("; ")) + ".", reasons);
    }
}
